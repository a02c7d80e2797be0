package org.tocsin.bulk;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.tocsin.events.EventBatches;
import org.tocsin.kernel.Refusal;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A request body of newline-delimited JSON cut into its numbered lines, within a size and a line count:
 * the whole body is held (the lines are checked together before anything is stored), so both are bounded.
 * Blank lines are skipped but keep their numbers, so a problem names the line an editor shows.
 */
final class NdjsonLines {

    private NdjsonLines() {}

    static Mono<List<EventBatches.Line>> read(Flux<DataBuffer> body, int maxBytes, int maxLines) {
        return DataBufferUtils.join(body, maxBytes)
                .onErrorMap(
                        DataBufferLimitException.class,
                        e -> Refusal.invalid("body", "is larger than " + maxBytes + " bytes; split the file"))
                .map(buffer -> {
                    try {
                        ByteBuffer bytes = ByteBuffer.allocate(buffer.readableByteCount());
                        buffer.toByteBuffer(bytes);
                        return lines(bytes, maxLines);
                    } finally {
                        DataBufferUtils.release(buffer);
                    }
                })
                .switchIfEmpty(Mono.error(() -> Refusal.invalid("body", "has no lines")));
    }

    static List<EventBatches.Line> lines(ByteBuffer bytes, int maxLines) {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes)
                    .toString();
        } catch (CharacterCodingException e) {
            throw Refusal.invalid("body", "is not UTF-8 text");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<EventBatches.Line> lines = new ArrayList<>();
        int number = 0;
        for (String line : text.split("\n", -1)) {
            number++;
            String content = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            if (content.isBlank()) {
                continue;
            }
            if (lines.size() == maxLines) {
                throw Refusal.invalid("body", "has more than " + maxLines + " lines; split the file");
            }
            lines.add(new EventBatches.Line(number, content));
        }
        if (lines.isEmpty()) {
            throw Refusal.invalid("body", "has no lines");
        }
        return lines;
    }
}
