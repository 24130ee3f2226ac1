package vn.trang.legal;

import java.util.List;

/**
 * Whether the type an editor declared ("Loại văn bản") agrees with the number's abbreviation.
 *
 * @param expected the type names the number allows, preferred first; empty when the number does
 *                 not tell (an old "15/CP", a bare "123/UBND")
 */
public record TypeCheck(Verdict verdict, DocumentNumber number, String declared, List<String> expected) {

    public enum Verdict {
        /** The declared type is one the number allows. */
        MATCH,
        /** The number says another type: 06/CT-UBND declared as "Quyết định". */
        MISMATCH,
        /** The number carries no type, or nothing was declared: nothing to compare. */
        UNKNOWN
    }

    public TypeCheck {
        expected = List.copyOf(expected);
    }

    public boolean mismatch() {
        return verdict == Verdict.MISMATCH;
    }

    /** A one-line Vietnamese message for diagnostics, or "" unless this is a mismatch. */
    public String message() {
        if (!mismatch()) {
            return "";
        }
        return "số hiệu " + number.normalized() + " là " + String.join(" hoặc ", expected)
                + " nhưng loại văn bản ghi là \"" + declared + "\"";
    }
}
