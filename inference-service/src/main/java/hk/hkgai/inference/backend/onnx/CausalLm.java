package hk.hkgai.inference.backend.onnx;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import hk.hkgai.embeddings.DjlEnvironment;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A decoder-only causal LM in the Optimum ONNX layout, run by DJL's ONNX Runtime engine: one forward pass takes
 * {@code input_ids}, {@code attention_mask}, {@code position_ids} and {@code past_key_values.N.key|value} and
 * returns {@code logits} and {@code present.N.key|value}. DJL expresses all of it (named inputs and outputs, the
 * execution provider, session options), so the ONNX Runtime API is used only for SessionOptions entries DJL
 * does not pass through. Not thread-safe by design: one decode loop owns it.
 */
public final class CausalLm implements AutoCloseable {
    private final Model model;
    private final Block block;
    private final ModelFolder.Architecture architecture;
    private final OrtSession.SessionOptions sessionOptions;
    private final String[] pastNames;
    private final String[] presentNames;
    private final boolean hasPositionIds;

    /** The logits of each row's last position (only the first {@code vocab} entries), and the grown cache. */
    public record Step(float[][] lastLogits, KvCache cache) {
    }

    private CausalLm(Model model, ModelFolder.Architecture architecture, OrtSession.SessionOptions options) {
        this.model = model;
        this.block = model.getBlock();
        this.architecture = architecture;
        this.sessionOptions = options;
        this.hasPositionIds = block.describeInput().keys().contains("position_ids");
        int layers = architecture.layers();
        pastNames = new String[layers * 2];
        presentNames = new String[layers * 2];
        for (int l = 0; l < layers; l++) {
            pastNames[2 * l] = "past_key_values." + l + ".key";
            pastNames[2 * l + 1] = "past_key_values." + l + ".value";
            presentNames[2 * l] = "present." + l + ".key";
            presentNames[2 * l + 1] = "present." + l + ".value";
        }
    }

    /**
     * The caller has prepared DJL's environment ({@link DjlEnvironment#prepare}).
     *
     * @param device "cpu", "cuda" or "cuda:N" (CUDA needs the onnxruntime_gpu build on the classpath)
     */
    public static CausalLm load(ModelFolder folder, String device, int intraOpThreads) {
        Device djlDevice = device(device);
        Model model = Model.newInstance(folder.dir().getFileName().toString(), djlDevice, "OnnxRuntime");
        OrtSession.SessionOptions session = new OrtSession.SessionOptions();
        try {
            // A decode step is short; spinning threads would burn the cores the other services share.
            session.addConfigEntry("session.intra_op.allow_spinning", "0");
            Map<String, Object> options = new HashMap<>();
            options.put("sessionOptions", session);
            if (intraOpThreads > 0) {
                options.put("intraOpNumThreads", Integer.toString(intraOpThreads));
            }
            model.load(folder.dir(), "model", options);
            CausalLm lm = new CausalLm(model, folder.architecture(), session);
            lm.checkInputs(folder);
            return lm;
        } catch (OrtException | IOException | MalformedModelException | EngineException e) {
            model.close();
            session.close();
            String hint = djlDevice.isGpu() && String.valueOf(e.getMessage()).toLowerCase().contains("cuda")
                    ? " (device " + device + " needs ONNX Runtime's CUDA build: run with the cuda profile, see deploy/gpu/README.md)" : "";
            throw new ModelFolder.InvalidModelFolderException(folder.dir(), "could not be loaded by ONNX Runtime: "
                    + e.getMessage() + hint);
        } catch (RuntimeException e) {
            model.close();
            session.close();
            throw e;
        }
    }

    static Device device(String device) {
        String d = device.trim().toLowerCase();
        if (d.equals("cpu")) {
            return Device.cpu();
        }
        if (d.equals("cuda") || d.equals("gpu")) {
            return Device.gpu(0);
        }
        if (d.startsWith("cuda:") || d.startsWith("gpu:")) {
            return Device.gpu(Integer.parseInt(d.substring(d.indexOf(':') + 1)));
        }
        throw new IllegalArgumentException("device must be cpu, cuda or cuda:N, was '" + device + "'");
    }

    private void checkInputs(ModelFolder folder) {
        Set<String> inputs = new HashSet<>(block.describeInput().keys());
        List<String> required = List.of("input_ids", "attention_mask");
        for (String name : required) {
            if (!inputs.contains(name)) {
                throw new ModelFolder.InvalidModelFolderException(folder.dir(), "model.onnx has no input " + name
                        + " (inputs: " + inputs + ")");
            }
        }
        for (String name : pastNames) {
            if (!inputs.contains(name)) {
                throw new ModelFolder.InvalidModelFolderException(folder.dir(), "model.onnx has no input " + name
                        + ": export the decoder with past key/values (optimum-cli --task text-generation-with-past) and "
                        + "check num_hidden_layers in config.json");
            }
        }
        if (inputs.size() != required.size() + pastNames.length + (inputs.contains("position_ids") ? 1 : 0)) {
            throw new ModelFolder.InvalidModelFolderException(folder.dir(), "model.onnx has unexpected inputs " + inputs);
        }
    }

    public ModelFolder.Architecture architecture() {
        return architecture;
    }

    NDManager manager() {
        return model.getNDManager();
    }

    /**
     * One forward pass of {@code seq} new tokens per row on top of {@code past} (which stays open; the caller
     * closes it when it no longer needs it).
     *
     * @param ids       [batch * seq] token ids
     * @param mask      [batch * (past + seq)] 1 for real positions, 0 for padding
     * @param positions [batch * seq] position ids
     * @param vocab     how many logits to keep per row; 0 keeps none (a prefill chunk that is not the last)
     */
    public Step forward(long[] ids, long[] mask, long[] positions, int batch, int seq, KvCache past, int vocab) {
        if (past.batch() != batch) {
            throw new IllegalArgumentException("cache has " + past.batch() + " rows, input " + batch);
        }
        int total = past.length() + seq;
        try (NDManager step = model.getNDManager().newSubManager()) {
            NDList inputs = new NDList();
            inputs.add(named(step.create(ids, new Shape(batch, seq)), "input_ids")); // first: outputs join its manager
            inputs.add(named(step.create(mask, new Shape(batch, total)), "attention_mask"));
            if (hasPositionIds) {
                inputs.add(named(step.create(positions, new Shape(batch, seq)), "position_ids"));
            }
            for (int i = 0; i < pastNames.length; i++) {
                inputs.add(named(past.array(i), pastNames[i]));
            }
            NDList out = block.forward(new ParameterStore(step, false), inputs, false);
            float[][] last = null;
            if (vocab > 0) {
                NDArray logits = out.get("logits");
                long[] shape = logits.getShape().getShape();
                int width = (int) shape[2];
                float[] all = logits.toFloatArray();
                int keep = Math.min(vocab, width);
                last = new float[batch][];
                for (int b = 0; b < batch; b++) {
                    last[b] = new float[keep];
                    System.arraycopy(all, ((b * seq) + seq - 1) * width, last[b], 0, keep);
                }
            }
            NDManager kv = model.getNDManager().newSubManager();
            NDArray[] present = new NDArray[presentNames.length];
            for (int i = 0; i < presentNames.length; i++) {
                present[i] = out.get(presentNames[i]);
                if (present[i] == null) {
                    kv.close();
                    throw new IllegalStateException("model.onnx returned no " + presentNames[i]);
                }
                present[i].attach(kv);
            }
            return new Step(last, new KvCache(kv, present, batch, total));
        }
    }

    private static NDArray named(NDArray array, String name) {
        array.setName(name);
        return array;
    }

    @Override
    public void close() {
        model.close();
        sessionOptions.close();
    }
}
