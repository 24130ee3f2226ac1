package vn.trang.yaml;

import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.parser.Parser;

/**
 * The YAML events with collections counted: past {@link YamlSyntax#MAX_DEPTH} levels it stops,
 * before the composer, which recurses once per level, overflows the stack.
 */
final class DepthLimitedParser implements Parser {
    private final Parser parser;
    private int depth;

    DepthLimitedParser(Parser parser) {
        this.parser = parser;
    }

    static final class TooDeep extends RuntimeException {
        final Mark mark;

        TooDeep(Mark mark) {
            super("YAML lồng quá sâu", null, false, false);
            this.mark = mark;
        }
    }

    @Override
    public boolean checkEvent(Event.ID choice) {
        return parser.checkEvent(choice);
    }

    @Override
    public Event peekEvent() {
        return parser.peekEvent();
    }

    @Override
    public boolean hasNext() {
        return parser.hasNext();
    }

    @Override
    public Event next() {
        Event e = parser.next();
        switch (e.getEventId()) {
            case MappingStart, SequenceStart -> {
                if (++depth > YamlSyntax.MAX_DEPTH) {
                    throw new TooDeep(e.getStartMark().orElse(null));
                }
            }
            case MappingEnd, SequenceEnd -> depth--;
            default -> {
            }
        }
        return e;
    }
}
