package vn.trang.model;

/**
 * Per-site presentation settings; everything else is uniform across the province.
 *
 * @param historyMessages whether item pages show who made each change and its commit message
 *                        ({@code history: {messages: true}}); by default only the dates
 */
public record ThemeSettings(String accent, String language, boolean historyMessages) {
    public static final ThemeSettings DEFAULT = new ThemeSettings(null, "vi");

    public ThemeSettings(String accent, String language) {
        this(accent, language, false);
    }

    public ThemeSettings withHistoryMessages(boolean messages) {
        return new ThemeSettings(accent, language, messages);
    }
}
