/** Why bytes cannot be read: the first problem, in plain words. */
export type Fail = (why: string) => never;

/** Appends little-endian numbers to a growing buffer. */
export class ByteWriter {
  private buffer = new Uint8Array(1024);
  private view = new DataView(this.buffer.buffer);
  private length = 0;

  varint(value: number): void {
    let rest = value >>> 0;
    while (rest >= 0x80) {
      this.byte((rest & 0x7f) | 0x80);
      rest >>>= 7;
    }
    this.byte(rest);
  }

  float32(value: number): void {
    this.room(4);
    this.view.setFloat32(this.length, value, true);
    this.length += 4;
  }

  int8(value: number): void {
    this.byte(value & 0xff);
  }

  bytes(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }

  private byte(value: number): void {
    this.room(1);
    this.buffer[this.length++] = value;
  }

  private room(bytes: number): void {
    if (this.length + bytes <= this.buffer.length) return;
    const grown = new Uint8Array(Math.max(2 * this.buffer.length, this.length + bytes));
    grown.set(this.buffer.subarray(0, this.length));
    this.buffer = grown;
    this.view = new DataView(grown.buffer);
  }
}

/** Reads what ByteWriter wrote, failing in plain words past the end or on a malformed varint. */
export class ByteReader {
  private at = 0;
  private readonly view: DataView;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly fail: Fail,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  varint(): number {
    let value = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      const byte = this.byte();
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) {
        if (value > 0xffffffff) break;
        return value;
      }
    }
    return this.fail('a number in its rows is malformed');
  }

  float32(): number {
    if (this.at + 4 > this.bytes.length) this.fail('its rows run past their end');
    const value = this.view.getFloat32(this.at, true);
    this.at += 4;
    return value;
  }

  int8(): number {
    const byte = this.byte();
    return byte >= 0x80 ? byte - 0x100 : byte;
  }

  done(): boolean {
    return this.at === this.bytes.length;
  }

  left(): number {
    return this.bytes.length - this.at;
  }

  private byte(): number {
    if (this.at >= this.bytes.length) this.fail('its rows run past their end');
    return this.bytes[this.at++] ?? 0;
  }
}
