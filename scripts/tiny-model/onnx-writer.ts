/**
 * A minimal ONNX serialiser: just enough of the protobuf wire format and of onnx.proto
 * (ModelProto, GraphProto, NodeProto, TensorProto, ValueInfoProto) to write small models.
 */

/** ONNX TensorProto.DataType values used here. */
export const DataType = { FLOAT: 1, INT8: 3, INT64: 7 } as const;
export type DataType = (typeof DataType)[keyof typeof DataType];

const WIRE_VARINT = 0;
const WIRE_LENGTH_DELIMITED = 2;
const ATTRIBUTE_TYPE_INT = 2;
const encoder = new TextEncoder();

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

// int64 fields carry negative numbers (e.g. axes = -1) as ten-byte two's complement varints.
function varint(value: number | bigint): Uint8Array {
  let rest = BigInt.asUintN(64, BigInt(value));
  const bytes: number[] = [];
  do {
    const low = Number(rest & 0x7fn);
    rest >>= 7n;
    bytes.push(rest === 0n ? low : low | 0x80);
  } while (rest !== 0n);
  return Uint8Array.from(bytes);
}

function key(field: number, wireType: number): Uint8Array {
  return varint((field << 3) | wireType);
}

function intField(field: number, value: number | bigint): Uint8Array {
  return concat([key(field, WIRE_VARINT), varint(value)]);
}

function bytesField(field: number, bytes: Uint8Array): Uint8Array {
  return concat([key(field, WIRE_LENGTH_DELIMITED), varint(bytes.length), bytes]);
}

function stringField(field: number, text: string): Uint8Array {
  return bytesField(field, encoder.encode(text));
}

/** Little-endian IEEE 754 bytes, as TensorProto.raw_data requires on every platform. */
export function float32Bytes(values: Float32Array): Uint8Array {
  const view = new DataView(new ArrayBuffer(values.length * 4));
  values.forEach((value, index) => {
    view.setFloat32(index * 4, value, true);
  });
  return new Uint8Array(view.buffer);
}

/** Little-endian int64 bytes for TensorProto.raw_data. */
export function int64Bytes(values: readonly number[]): Uint8Array {
  const view = new DataView(new ArrayBuffer(values.length * 8));
  values.forEach((value, index) => {
    view.setBigInt64(index * 8, BigInt(value), true);
  });
  return new Uint8Array(view.buffer);
}

/** Raw bytes of int8 values (one byte each, so endianness does not arise). */
export function int8Bytes(values: Int8Array): Uint8Array {
  return new Uint8Array(values.buffer, values.byteOffset, values.length).slice();
}

export interface TensorSpec {
  name: string;
  dataType: DataType;
  dims: readonly number[];
  raw: Uint8Array;
}

/** Encodes a TensorProto (an initializer) with its data in raw_data. */
export function tensor(spec: TensorSpec): Uint8Array {
  return concat([
    ...spec.dims.map((dim) => intField(1, dim)),
    intField(2, spec.dataType),
    stringField(8, spec.name),
    bytesField(9, spec.raw),
  ]);
}

/** A dimension is a fixed size (number) or a symbolic name such as "batch_size". */
export type Dim = number | string;

/** Encodes a ValueInfoProto for a tensor-typed graph input or output. */
export function valueInfo(name: string, elemType: DataType, dims: readonly Dim[]): Uint8Array {
  const shape = concat(
    dims.map((dim) =>
      bytesField(1, typeof dim === 'number' ? intField(1, dim) : stringField(2, dim)),
    ),
  );
  const tensorType = concat([intField(1, elemType), bytesField(2, shape)]);
  return concat([stringField(1, name), bytesField(2, bytesField(1, tensorType))]);
}

/** Encodes an AttributeProto holding one integer. */
export function intAttribute(name: string, value: number): Uint8Array {
  return concat([stringField(1, name), intField(3, value), intField(20, ATTRIBUTE_TYPE_INT)]);
}

export interface NodeSpec {
  opType: string;
  inputs: readonly string[];
  outputs: readonly string[];
  name: string;
  attributes?: readonly Uint8Array[];
}

/** Encodes a NodeProto of the default (ai.onnx) domain. */
export function node(spec: NodeSpec): Uint8Array {
  return concat([
    ...spec.inputs.map((input) => stringField(1, input)),
    ...spec.outputs.map((output) => stringField(2, output)),
    stringField(3, spec.name),
    stringField(4, spec.opType),
    ...(spec.attributes ?? []).map((attribute) => bytesField(5, attribute)),
  ]);
}

export interface GraphSpec {
  name: string;
  nodes: readonly Uint8Array[];
  initializers: readonly Uint8Array[];
  inputs: readonly Uint8Array[];
  outputs: readonly Uint8Array[];
}

export interface ModelSpec {
  irVersion: number;
  opsetVersion: number;
  producerName: string;
  producerVersion: string;
  graph: GraphSpec;
}

/** Encodes a whole ModelProto: the bytes of an .onnx file. */
export function model(spec: ModelSpec): Uint8Array {
  const { graph } = spec;
  const graphBytes = concat([
    ...graph.nodes.map((entry) => bytesField(1, entry)),
    stringField(2, graph.name),
    ...graph.initializers.map((entry) => bytesField(5, entry)),
    ...graph.inputs.map((entry) => bytesField(11, entry)),
    ...graph.outputs.map((entry) => bytesField(12, entry)),
  ]);
  const opset = concat([stringField(1, ''), intField(2, spec.opsetVersion)]);
  return concat([
    intField(1, spec.irVersion),
    stringField(2, spec.producerName),
    stringField(3, spec.producerVersion),
    bytesField(7, graphBytes),
    bytesField(8, opset),
  ]);
}
