package hk.hkgai.inference.backend.onnx;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/**
 * The past keys and values of a batch: per layer a key and a value array [batch, kv_heads, length, head_dim],
 * as the graph returned them ({@code present.N.*}) and will take them back ({@code past_key_values.N.*}). Rows are
 * left-padded: row r's real entries are its last {@code realLength(r)} positions. While a batch keeps its rows,
 * the arrays pass from one step to the next untouched (no copy); only a change of rows rebuilds them.
 */
public final class KvCache implements AutoCloseable {
    private final NDManager manager;
    private final NDArray[] arrays; // k0, v0, k1, v1, ...
    private final int batch;
    private final int length;

    KvCache(NDManager manager, NDArray[] arrays, int batch, int length) {
        this.manager = manager;
        this.arrays = arrays;
        this.batch = batch;
        this.length = length;
    }

    /** A cache with no positions yet: the graph concatenates the first step's keys onto it. */
    static KvCache empty(NDManager parent, ModelFolder.Architecture a, int batch) {
        NDManager m = parent.newSubManager();
        NDArray[] arrays = new NDArray[a.layers() * 2];
        Shape shape = new Shape(batch, a.kvHeads(), 0, a.headDim());
        for (int i = 0; i < arrays.length; i++) {
            arrays[i] = m.create(new float[0], shape);
        }
        return new KvCache(m, arrays, batch, 0);
    }

    public int batch() {
        return batch;
    }

    public int length() {
        return length;
    }

    NDArray array(int i) {
        return arrays[i];
    }

    int arrayCount() {
        return arrays.length;
    }

    /** One row of a source cache and how many of its positions (the rightmost) are real. */
    record RowRef(KvCache source, int row, int realLength) {
    }

    /**
     * A new cache of the given rows, left-padded to the longest real length; columns that are padding in every
     * row are dropped. Copies through the heap: the cost of a change of rows, not of a step.
     */
    static KvCache gather(NDManager parent, ModelFolder.Architecture a, List<RowRef> rows) {
        int length = rows.stream().mapToInt(RowRef::realLength).max().orElse(0);
        int kvHeads = a.kvHeads();
        int headDim = a.headDim();
        NDManager m = parent.newSubManager();
        NDArray[] arrays = new NDArray[a.layers() * 2];
        java.util.Map<KvCache, float[]> copies = new java.util.IdentityHashMap<>();
        for (int i = 0; i < arrays.length; i++) {
            copies.clear();
            float[] out = new float[rows.size() * kvHeads * length * headDim];
            for (int r = 0; r < rows.size(); r++) {
                RowRef ref = rows.get(r);
                KvCache src = ref.source();
                int idx = i;
                float[] in = copies.computeIfAbsent(src, c -> c.arrays[idx].toFloatArray());
                int real = ref.realLength();
                for (int h = 0; h < kvHeads; h++) {
                    int from = ((ref.row() * kvHeads + h) * src.length + (src.length - real)) * headDim;
                    int to = ((r * kvHeads + h) * length + (length - real)) * headDim;
                    System.arraycopy(in, from, out, to, real * headDim);
                }
            }
            arrays[i] = m.create(out, new Shape(rows.size(), kvHeads, length, headDim));
        }
        return new KvCache(m, arrays, rows.size(), length);
    }

    @Override
    public void close() {
        manager.close();
    }
}
