package vn.trang.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuestionFormsTest {

    /** The query with its question-form syllables in brackets. */
    private static String marked(String query) {
        QueryTerms terms = QueryTerms.of(query);
        boolean[] form = QuestionForms.positions(terms);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < terms.size(); i++) {
            out.add(form[i] ? "[" + terms.folded().get(i) + "]" : terms.folded().get(i));
        }
        return String.join(" ", out);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Có được cho thuê ô tô đang thế chấp không?     | [co] duoc cho thue o to dang the chap [khong]",
            "Đăng ký tạm trú cần những gì?                  | dang ky tam tru can [nhung] [gi]",
            "Tiền cấp dưỡng là bao nhiêu ạ?                 | tien cap duong la [bao] [nhieu] [a]",
            "Muốn tách hộ thì phải làm gì?                  | [muon] tach ho [thi] phai lam [gi]",
            "Đăng ký kết hôn ở đâu vậy                      | dang ky ket hon o [dau] [vay]",
            "Ly hôn như thế nào                             | ly hon nhu [the] [nao]",
            "Viên chức có phải tập sự hay không             | vien chuc [co] phai tap su [hay] [khong]",
            // The answer keeps the copula: a definition is written "X là …".
            "An ninh mạng là gì?                            | an ninh mang la [gi]",
            // Inside a query "không" is content: a negation, or a word of its own.
            "Người không có quốc tịch                       | nguoi khong co quoc tich",
            "bảo vệ không gian mạng                         | bao ve khong gian mang",
            "con chưa thành niên                            | con chua thanh nien",
            "quyền của trẻ em                               | quyen cua tre em",
            // Without marks, words whose folding is a content word stay: vay (loan), thi (exam), the (card).
            "cho vay                                        | cho vay",
            "thu tuc cho vay thi the nao                    | thu tuc cho vay thi [the] [nao]",
            "dang ky tam tru o dau                          | dang ky tam tru o [dau]",
            "co duoc ly hon khong                           | [co] duoc ly hon [khong]",
            // A query of nothing but question words is about them.
            "là gì                                          | la gi",
            "giấy phép xây dựng                             | giay phep xay dung",
    })
    void questionWordsAreFoundAndContentWordsKept(String query, String expected) {
        assertEquals(expected.strip(), marked(query.strip()));
    }
}
