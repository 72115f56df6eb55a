/**
 * The tiny model's ONNX graph, in an fp32 and an int8-weight (q8) variant:
 *   h = Gather(word_embeddings, input_ids) + Gather(token_type_embeddings, token_type_ids)
 *   last_hidden_state = Tanh(h · W + b) * attention_mask[..., None]
 */
import {
  DataType,
  float32Bytes,
  int64Bytes,
  int8Bytes,
  intAttribute,
  model,
  node,
  tensor,
  valueInfo,
} from './onnx-writer';
import { quantize, type Matrix, type TinyWeights } from './weights';

const IR_VERSION = 8;
const OPSET_VERSION = 17;
const PRODUCER_NAME = 'private-recs/make-tiny-model';
const PRODUCER_VERSION = '1';
const BATCH = 'batch_size';
const SEQUENCE = 'sequence_length';

const WORD_EMBEDDINGS = 'embeddings.word_embeddings.weight';
const TOKEN_TYPE_EMBEDDINGS = 'embeddings.token_type_embeddings.weight';
const DENSE_WEIGHT = 'encoder.dense.weight';
const DENSE_BIAS = 'encoder.dense.bias';
const LAST_AXIS = 'const.last_axis';

function floatTensor(name: string, matrix: Matrix, dims: readonly number[]): Uint8Array {
  return tensor({ name, dataType: DataType.FLOAT, dims, raw: float32Bytes(matrix.values) });
}

/**
 * An int8 initializer plus its scalar scale and zero point, and the DequantizeLinear node that
 * turns them back into the float tensor `name`, as an exported quantised model would have.
 */
function quantizedTensor(
  name: string,
  matrix: Matrix,
): { tensors: Uint8Array[]; node: Uint8Array } {
  const quantized = quantize(matrix);
  const inputs = [`${name}_quantized`, `${name}_scale`, `${name}_zero_point`] as const;
  return {
    tensors: [
      tensor({
        name: inputs[0],
        dataType: DataType.INT8,
        dims: [quantized.rows, quantized.cols],
        raw: int8Bytes(quantized.values),
      }),
      tensor({
        name: inputs[1],
        dataType: DataType.FLOAT,
        dims: [],
        raw: float32Bytes(Float32Array.of(quantized.scale)),
      }),
      tensor({
        name: inputs[2],
        dataType: DataType.INT8,
        dims: [],
        raw: int8Bytes(Int8Array.of(0)),
      }),
    ],
    node: node({
      opType: 'DequantizeLinear',
      inputs,
      outputs: [name],
      name: `${name}_DequantizeLinear`,
    }),
  };
}

/** The bytes of onnx/model.onnx (fp32) or onnx/model_quantized.onnx (int8 weights). */
export function buildModel(weights: TinyWeights, quantized: boolean): Uint8Array {
  const { wordEmbeddings, tokenTypeEmbeddings, denseWeight, denseBias } = weights;
  const hidden = denseWeight.cols;
  const initializers: Uint8Array[] = [
    floatTensor(TOKEN_TYPE_EMBEDDINGS, tokenTypeEmbeddings, [2, hidden]),
    floatTensor(DENSE_BIAS, denseBias, [hidden]),
    tensor({ name: LAST_AXIS, dataType: DataType.INT64, dims: [1], raw: int64Bytes([-1]) }),
  ];
  const nodes: Uint8Array[] = [];
  if (quantized) {
    for (const [name, matrix] of [
      [WORD_EMBEDDINGS, wordEmbeddings],
      [DENSE_WEIGHT, denseWeight],
    ] as const) {
      const dequantized = quantizedTensor(name, matrix);
      initializers.push(...dequantized.tensors);
      nodes.push(dequantized.node);
    }
  } else {
    initializers.push(
      floatTensor(WORD_EMBEDDINGS, wordEmbeddings, [wordEmbeddings.rows, hidden]),
      floatTensor(DENSE_WEIGHT, denseWeight, [hidden, hidden]),
    );
  }
  const step = (opType: string, inputs: string[], output: string, attributes?: Uint8Array[]) =>
    node({ opType, inputs, outputs: [output], name: `${output}_${opType}`, attributes });
  nodes.push(
    step('Gather', [WORD_EMBEDDINGS, 'input_ids'], 'word_vectors'),
    step('Gather', [TOKEN_TYPE_EMBEDDINGS, 'token_type_ids'], 'token_type_vectors'),
    step('Add', ['word_vectors', 'token_type_vectors'], 'embedded'),
    step('MatMul', ['embedded', DENSE_WEIGHT], 'projected'),
    step('Add', ['projected', DENSE_BIAS], 'biased'),
    step('Tanh', ['biased'], 'activated'),
    step('Cast', ['attention_mask'], 'mask_float', [intAttribute('to', DataType.FLOAT)]),
    step('Unsqueeze', ['mask_float', LAST_AXIS], 'mask_expanded'),
    step('Mul', ['activated', 'mask_expanded'], 'last_hidden_state'),
  );
  return model({
    irVersion: IR_VERSION,
    opsetVersion: OPSET_VERSION,
    producerName: PRODUCER_NAME,
    producerVersion: PRODUCER_VERSION,
    graph: {
      name: quantized ? 'tiny_bert_quantized' : 'tiny_bert',
      nodes,
      initializers,
      inputs: ['input_ids', 'attention_mask', 'token_type_ids'].map((name) =>
        valueInfo(name, DataType.INT64, [BATCH, SEQUENCE]),
      ),
      outputs: [valueInfo('last_hidden_state', DataType.FLOAT, [BATCH, SEQUENCE, hidden])],
    },
  });
}
