package org.tocsin.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.UTFDataFormatException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The snapshot's channels write the bytes Java's data streams write, and read them back, across buffer ends. */
class SnapshotChannelsTest {

    private static final List<String> STRINGS = List.of(
            "",
            "vigil",
            "تهران",
            "شب\u200cزنده\u200cداری",
            "nul\u0000inside",
            "\u007f and \u0080",
            "emoji \uD83D\uDD6F\uFE0F",
            "x".repeat(65_535));

    @TempDir
    Path dir;

    @Test
    void theBytesAreTheDataStreamsOwnAndComeBackAsWritten() throws Exception {
        Path file = dir.resolve("channels");
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        DataOutputStream stream = new DataOutputStream(expected);
        // Enough rounds to cross the 1 MB buffer several times, at every alignment.
        int rounds = 40;
        try (SnapshotChannels.Output out = new SnapshotChannels.Output(
                FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE))) {
            for (int round = 0; round < rounds; round++) {
                for (String s : STRINGS) {
                    out.writeUTF(s);
                    stream.writeUTF(s);
                }
                out.writeInt(-round);
                stream.writeInt(-round);
                out.writeLong(Long.MIN_VALUE + round);
                stream.writeLong(Long.MIN_VALUE + round);
                out.writeDouble(35.6892 + round);
                stream.writeDouble(35.6892 + round);
                out.writeBoolean(round % 2 == 0);
                stream.writeBoolean(round % 2 == 0);
            }
        }

        assertThat(Files.readAllBytes(file)).isEqualTo(expected.toByteArray());
        try (SnapshotChannels.Input in = new SnapshotChannels.Input(FileChannel.open(file, StandardOpenOption.READ))) {
            for (int round = 0; round < rounds; round++) {
                for (String s : STRINGS) {
                    assertThat(in.readUTF()).isEqualTo(s);
                }
                assertThat(in.readInt()).isEqualTo(-round);
                assertThat(in.readLong()).isEqualTo(Long.MIN_VALUE + round);
                assertThat(in.readDouble()).isEqualTo(35.6892 + round);
                assertThat(in.readBoolean()).isEqualTo(round % 2 == 0);
            }
            assertThatThrownBy(in::readInt).isInstanceOf(EOFException.class);
        }
    }

    @Test
    void aStringTooLongForTheFormatIsRefusedAsTheStreamRefusesIt() throws Exception {
        try (SnapshotChannels.Output out = new SnapshotChannels.Output(
                FileChannel.open(dir.resolve("long"), StandardOpenOption.CREATE, StandardOpenOption.WRITE))) {
            assertThatThrownBy(() -> out.writeUTF("x".repeat(65_536))).isInstanceOf(UTFDataFormatException.class);
            assertThatThrownBy(() -> out.writeUTF("ت".repeat(40_000))).isInstanceOf(UTFDataFormatException.class);
        }
    }
}
