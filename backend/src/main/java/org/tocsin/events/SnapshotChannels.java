package org.tocsin.events;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;

/**
 * The index snapshot's bytes, exactly as {@link DataOutputStream} and {@link DataInputStream} lay them out
 * (big-endian numbers, strings in modified UTF-8 after a two-byte length), through one buffer over a file
 * channel. The streams took a lock and copied for every number, and a million-event file holds about a hundred
 * million of them: in a profile of a start, the streams were half of the reading (docs/discovery-benchmark.md).
 * One thread each.
 */
final class SnapshotChannels {

    private static final int BUFFER = 1 << 20;

    private SnapshotChannels() {}

    static final class Input implements AutoCloseable {

        private final FileChannel channel;
        private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER).flip();

        Input(FileChannel channel) {
            this.channel = channel;
        }

        int readInt() throws IOException {
            return need(Integer.BYTES).getInt();
        }

        long readLong() throws IOException {
            return need(Long.BYTES).getLong();
        }

        double readDouble() throws IOException {
            return need(Double.BYTES).getDouble();
        }

        boolean readBoolean() throws IOException {
            return need(1).get() != 0;
        }

        String readUTF() throws IOException {
            int length = Short.toUnsignedInt(need(Short.BYTES).getShort());
            ByteBuffer bytes = need(length);
            int start = bytes.position();
            boolean ascii = true;
            for (int i = start; i < start + length && ascii; i++) {
                ascii = bytes.get(i) > 0;
            }
            if (ascii) {
                String s = new String(bytes.array(), start, length, StandardCharsets.ISO_8859_1);
                bytes.position(start + length);
                return s;
            }
            // Modified UTF-8 beyond ASCII (Persian words, for one): decoded as the stream would.
            byte[] encoded = new byte[length + 2];
            encoded[0] = (byte) (length >>> 8);
            encoded[1] = (byte) length;
            bytes.get(encoded, 2, length);
            return new DataInputStream(new ByteArrayInputStream(encoded)).readUTF();
        }

        /** The buffer, holding at least {@code n} unread bytes. */
        private ByteBuffer need(int n) throws IOException {
            if (buffer.remaining() < n) {
                buffer.compact();
                while (buffer.position() < n) {
                    if (channel.read(buffer) < 0) {
                        throw new EOFException("the index snapshot ends early");
                    }
                }
                buffer.flip();
            }
            return buffer;
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    static final class Output implements AutoCloseable {

        private final FileChannel channel;
        private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER);

        Output(FileChannel channel) {
            this.channel = channel;
        }

        void writeInt(int value) throws IOException {
            room(Integer.BYTES).putInt(value);
        }

        void writeLong(long value) throws IOException {
            room(Long.BYTES).putLong(value);
        }

        void writeDouble(double value) throws IOException {
            room(Double.BYTES).putDouble(value);
        }

        void writeBoolean(boolean value) throws IOException {
            room(1).put((byte) (value ? 1 : 0));
        }

        void writeUTF(String s) throws IOException {
            int length = s.length();
            boolean ascii = length <= 0xFFFF;
            for (int i = 0; i < length && ascii; i++) {
                char c = s.charAt(i);
                ascii = c > 0 && c < 0x80;
            }
            if (!ascii) {
                // Encoded (and refused beyond 65,535 bytes) as the stream does.
                ByteArrayOutputStream encoded = new ByteArrayOutputStream(length * 3 + 2);
                new DataOutputStream(encoded).writeUTF(s);
                room(encoded.size()).put(encoded.toByteArray());
                return;
            }
            ByteBuffer into = room(Short.BYTES + length);
            into.putShort((short) length);
            for (int i = 0; i < length; i++) {
                into.put((byte) s.charAt(i));
            }
        }

        /** The buffer, with room for {@code n} more bytes. */
        private ByteBuffer room(int n) throws IOException {
            if (buffer.remaining() < n) {
                drain();
            }
            return buffer;
        }

        private void drain() throws IOException {
            buffer.flip();
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            buffer.clear();
        }

        @Override
        public void close() throws IOException {
            try (channel) {
                drain();
            }
        }
    }
}
