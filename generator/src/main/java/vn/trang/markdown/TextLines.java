package vn.trang.markdown;

import java.util.Arrays;

/** Lines and columns of offsets in a text (1-based). */
final class TextLines {
    private final int[] starts;

    TextLines(String text) {
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                count++;
            }
        }
        starts = new int[count];
        int k = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts[k++] = i + 1;
            }
        }
    }

    int line(int offset) {
        int at = Arrays.binarySearch(starts, offset);
        return (at >= 0 ? at : -at - 2) + 1;
    }

    int column(int offset) {
        return offset - starts[line(offset) - 1] + 1;
    }
}
