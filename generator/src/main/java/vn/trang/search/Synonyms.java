package vn.trang.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The table of equivalent expressions of administrative and legal Vietnamese
 * ({@code synonyms.txt} beside this class: its header names the kinds of public source it is
 * written from and the format). A citizen writes "sổ đỏ", "CCCD", "lấy chồng"; the law and the
 * procedures write "giấy chứng nhận quyền sử dụng đất", "căn cước công dân", "kết hôn".
 *
 * <p>{@link #find} looks the table up in a query's syllables, left to right, longest expression
 * first, without overlaps. How an expression is compared decides what it may wrongly match:
 * <ul>
 * <li>an abbreviation (a token written in capitals: UBND, HĐND) is compared folded, as a whole
 *     token, in any case; "hdnd" is HĐND. Where two abbreviations fold alike (HD hướng dẫn, HĐ
 *     hợp đồng) each is compared with its marks;
 * <li>another expression is compared with its marks when the query has marks, folded when it
 *     has none; but folded only when it has two syllables or more and nothing else folds alike,
 *     neither another expression nor an everyday word the table's {@code ~} lines name ("sơ đồ"
 *     for "sổ đỏ"): one syllable folded says too little ("phạt" would be "phát");
 *     a one-syllable expression written without marks ("online", "heo") matches that syllable.
 * </ul>
 * Immutable; {@link #standard()} is read once.
 */
final class Synonyms {

    /** One expression of the table, analysed as the index analyses text. */
    record Expression(List<String> exact, List<String> folded, boolean abbreviation) {
        Expression {
            exact = List.copyOf(exact);
            folded = List.copyOf(folded);
        }

        int size() {
            return folded.size();
        }
    }

    /** What the table holds for the query's syllables {@code [start, end)}. */
    record Found(int start, int end, List<Expression> alternatives) {
        Found {
            alternatives = List.copyOf(alternatives);
        }
    }

    private static final String RESOURCE = "synonyms.txt";

    private final Map<List<String>, List<Expression>> byExact;
    private final Map<List<String>, List<Expression>> byFolded;
    /** The folded keys of {@link #byFolded} that are abbreviations. */
    private final Set<List<String>> abbreviations;
    private final int longest;
    private final int groups;

    private Synonyms(Map<List<String>, List<Expression>> byExact, Map<List<String>, List<Expression>> byFolded,
                     Set<List<String>> abbreviations, int longest, int groups) {
        this.byExact = Map.copyOf(byExact);
        this.byFolded = Map.copyOf(byFolded);
        this.abbreviations = Set.copyOf(abbreviations);
        this.longest = longest;
        this.groups = groups;
    }

    /** The table shipped with the product. */
    static Synonyms standard() {
        return Standard.TABLE;
    }

    private static final class Standard {
        static final Synonyms TABLE = load();

        private static Synonyms load() {
            try (InputStream in = Synonyms.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + RESOURCE);
                }
                return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Number of groups (lines) in the table. */
    int groups() {
        return groups;
    }

    /**
     * Parses the table's lines; a malformed line, or a group in which an expression would stand
     * for itself, is an error naming its line.
     */
    static Synonyms parse(List<String> lines) {
        Map<List<String>, Expression> sources = new HashMap<>();
        Map<List<String>, Set<Expression>> alternatives = new HashMap<>();
        Map<List<String>, Set<List<String>>> exactByFolded = new HashMap<>();
        int groups = 0;
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("~")) {
                // Words outside the table that fold like one of its expressions: that expression
                // is then compared with its marks only.
                for (Expression e : expressions(line.substring(1), n)) {
                    exactByFolded.computeIfAbsent(e.folded(), k -> new LinkedHashSet<>()).add(e.exact());
                }
                continue;
            }
            String[] sides = line.split("=>", -1);
            if (sides.length > 2) {
                throw new IllegalArgumentException("synonyms line " + (n + 1) + ": more than one '=>'");
            }
            List<Expression> from = expressions(sides[0], n);
            List<Expression> to = sides.length == 2 ? expressions(sides[1], n) : from;
            if (from.size() + (sides.length == 2 ? to.size() : 0) < 2) {
                throw new IllegalArgumentException("synonyms line " + (n + 1) + ": a group needs two expressions");
            }
            Set<List<String>> seen = new LinkedHashSet<>();
            for (Expression e : sides.length == 2 ? concat(from, to) : from) {
                if (!seen.add(e.folded())) {
                    throw new IllegalArgumentException("synonyms line " + (n + 1) + ": '" + String.join(" ", e.exact())
                            + "' stands for itself");
                }
            }
            groups++;
            for (Expression s : from) {
                sources.putIfAbsent(s.exact(), s);
                exactByFolded.computeIfAbsent(s.folded(), k -> new LinkedHashSet<>()).add(s.exact());
                Set<Expression> alts = alternatives.computeIfAbsent(s.exact(), k -> new LinkedHashSet<>());
                to.stream().filter(t -> !t.folded().equals(s.folded())).forEach(alts::add);
            }
        }
        Map<List<String>, List<Expression>> byExact = new HashMap<>();
        Map<List<String>, List<Expression>> byFolded = new HashMap<>();
        Set<List<String>> abbreviations = new HashSet<>();
        int longest = 0;
        for (Expression s : sources.values()) {
            List<Expression> alts = List.copyOf(alternatives.get(s.exact()));
            byExact.put(s.exact(), alts);
            boolean unique = exactByFolded.get(s.folded()).size() == 1;
            if (unique && (s.abbreviation() || s.size() >= 2)) {
                byFolded.put(s.folded(), alts);
                if (s.abbreviation()) {
                    abbreviations.add(s.folded());
                }
            }
            longest = Math.max(longest, s.size());
        }
        return new Synonyms(byExact, byFolded, abbreviations, longest, groups);
    }

    private static List<Expression> concat(List<Expression> a, List<Expression> b) {
        List<Expression> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static List<Expression> expressions(String side, int line) {
        List<Expression> out = new ArrayList<>();
        for (String raw : side.split("\\|", -1)) {
            String text = raw.strip();
            QueryTerms t = QueryTerms.of(text);
            if (t.isEmpty()) {
                throw new IllegalArgumentException("synonyms line " + (line + 1) + ": empty expression");
            }
            boolean abbreviation = abbreviation(text);
            if (abbreviation && !t.exact().stream().map(e -> e.replace('đ', 'd')).toList().equals(t.folded())) {
                // Matched folded, "TƯ" would be every "tu", "tư", "tử" of a query.
                throw new IllegalArgumentException("synonyms line " + (line + 1) + ": abbreviation '" + text
                        + "' has a marked vowel");
            }
            out.add(new Expression(t.exact(), t.folded(), abbreviation));
        }
        return out;
    }

    /** One word (no space) whose first two characters are capitals: UBND, HĐND, TTg, KT-XH, KT3. */
    static boolean abbreviation(String text) {
        return text.indexOf(' ') < 0 && text.length() >= 2 && Character.isUpperCase(text.charAt(0))
                && Character.isUpperCase(text.charAt(1));
    }

    /**
     * The table's expressions in the query, left to right, the longest at each position, not
     * overlapping; each with the expressions it stands for.
     */
    List<Found> find(QueryTerms terms) {
        List<Found> out = new ArrayList<>();
        int i = 0;
        while (i < terms.size()) {
            int len = Math.min(longest, terms.size() - i);
            List<Expression> hit = null;
            while (len >= 1 && (hit = lookup(terms, i, len)) == null) {
                len--;
            }
            if (hit == null) {
                i++;
                continue;
            }
            out.add(new Found(i, i + len, hit));
            i += len;
        }
        return out;
    }

    private List<Expression> lookup(QueryTerms terms, int from, int len) {
        List<String> exact = terms.exact().subList(from, from + len);
        List<String> folded = terms.folded().subList(from, from + len);
        List<Expression> hit = byExact.get(exact);
        if (hit != null) {
            return hit;
        }
        hit = byFolded.get(folded);
        if (hit == null || !terms.marked()) {
            return hit;
        }
        // A query with marks is compared with marks, except for abbreviations, which are
        // compared folded whatever the rest of the query carries ("HDND" beside "cấp giấy").
        return abbreviations.contains(folded) ? hit : null;
    }
}
