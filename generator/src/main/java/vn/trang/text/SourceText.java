package vn.trang.text;

import java.text.Normalizer;

/** A content file's text as every stage reads it and counts positions in it. */
public final class SourceText {

    private SourceText() {
    }

    /** No byte-order mark, '\n' line ends, NFC. */
    public static String normalise(String raw) {
        String text = raw;
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        text = text.replace("\r\n", "\n").replace('\r', '\n');
        // Editors' keyboards may produce decomposed Vietnamese; all matching assumes NFC.
        return Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
    }
}
