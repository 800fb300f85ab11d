#!/usr/bin/python3
"""PyTorch reference for bench/LabDashboard.Bench: the same models, initial weights, batch order and
thread count, timed the same way (one Fashion-MNIST epoch of each CNN; 200 full-batch iris epochs, median of
as many repeats as the engine made, on the thread count the engine gave the problem).

Run the .NET benchmarks first (they write bench/out/):
    dotnet run -c Release --project bench/LabDashboard.Bench -- iris
    dotnet run -c Release --project bench/LabDashboard.Bench -- fashion
then:
    /usr/bin/python3 bench/fashion_reference.py [--data ../shared/data] [--out bench/out] [--threads 2] [--only-iris]
`iris --pytorch` starts this script itself with --serve-iris and alternates engine and PyTorch runs.
Needs Debian's python3-torch and libopenblas0-pthread (and python3-numpy). Not a test.
"""
import argparse, gzip, json, os, struct, time
from collections import OrderedDict

import numpy as np
import torch
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))


def read_idx(path):
    with (gzip.open(path, "rb") if path.endswith(".gz") else open(path, "rb")) as f:
        data = f.read()
    dims = data[3]
    shape = struct.unpack(">" + "I" * dims, data[4:4 + 4 * dims])
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def read_safetensors(path):
    with open(path, "rb") as f:
        data = f.read()
    (length,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + length])
    start = 8 + length
    return {name: torch.from_numpy(np.frombuffer(data, dtype=np.float32, count=int(np.prod(e["shape"])) if e["shape"] else 1,
                                                 offset=start + e["data_offsets"][0]).reshape(e["shape"]).copy())
            for name, e in header.items() if name != "__metadata__"}


def cnn(name):
    if name == "small":
        return nn.Sequential(nn.Conv2d(1, 16, 5), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(), nn.Linear(2304, 10))
    return nn.Sequential(nn.Conv2d(1, 64, 5), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(64, 64, 5), nn.ReLU(), nn.MaxPool2d(2),
                         nn.Flatten(), nn.Linear(1024, 10))


def fashion_epoch(name, out, train_x, train_y, test_x, test_y, order):
    model = cnn(name)
    model.load_state_dict(read_safetensors(os.path.join(out, f"fashion-{name}-init.safetensors")))
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.CrossEntropyLoss()
    model.train()
    loss_sum, correct = 0.0, 0
    start = time.perf_counter()
    for begin in range(0, len(order), 256):
        idx = order[begin:begin + 256]
        x, y = train_x.index_select(0, idx), train_y.index_select(0, idx)
        optimizer.zero_grad()
        logits = model(x)
        loss = loss_fn(logits, y)
        loss.backward()
        optimizer.step()
        loss_sum += loss.item() * len(idx)
        correct += (logits.argmax(1) == y).sum().item()
    seconds = time.perf_counter() - start
    model.eval()
    with torch.no_grad():
        predicted = torch.cat([model(test_x[i:i + 1000]).argmax(1) for i in range(0, len(test_x), 1000)])
    return {"seconds": seconds, "loss": loss_sum / len(order), "trainAcc": correct / len(order),
            "testAcc": (predicted == test_y).float().mean().item()}


def iris_run(data_root, out):
    table = np.loadtxt(os.path.join(data_root, "iris.csv"), delimiter=",", skiprows=1, dtype=np.float32)
    split = json.load(open(os.path.join(out, "iris-split.json")))
    x, y = torch.from_numpy(table[:, :4]), torch.from_numpy(table[:, 4].astype(np.int64))
    train, test = torch.tensor(split["train"]), torch.tensor(split["test"])
    model = nn.Sequential(OrderedDict(fc1=nn.Linear(4, 16), act1=nn.ReLU(), out=nn.Linear(16, 3)))
    model.load_state_dict(read_safetensors(os.path.join(out, "iris-init.safetensors")))
    optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
    loss_fn = nn.CrossEntropyLoss()
    xt, yt = x[train], y[train]
    start = time.perf_counter()
    for _ in range(200):
        model.train()
        optimizer.zero_grad()
        loss = loss_fn(model(xt), yt)
        loss.backward()
        optimizer.step()
        last = loss.item()
    seconds = time.perf_counter() - start
    model.eval()
    with torch.no_grad():
        acc = (model(x[test]).argmax(1) == y[test]).float().mean().item()
    return {"seconds": seconds, "loss": last, "testAcc": acc}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default=os.path.join(HERE, "..", "..", "shared", "data"))
    parser.add_argument("--out", default=os.path.join(HERE, "out"))
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--only-iris", action="store_true", help="skip the Fashion-MNIST epochs")
    parser.add_argument("--serve-iris", action="store_true",
                        help="for `iris --pytorch`: one iris run per 'run' line on stdin, one JSON line out")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    if args.serve_iris:
        serve_iris(args)
        return
    engine = json.load(open(os.path.join(args.out, "engine-results.json")))
    print(f"PyTorch {torch.__version__}; each run on the engine's thread count for it (else --threads {args.threads})")

    torch.set_num_threads(threads_of(engine, "iris", args))
    iris_repeats = [iris_run(args.data, args.out) for _ in range(int(engine.get("iris", {}).get("repeats", 1)))]
    results = {"iris": sorted(iris_repeats, key=lambda r: r["seconds"])[len(iris_repeats) // 2]}
    print(f"iris on {torch.get_num_threads()} thread(s): " + ", ".join(f"{r['seconds']:.3f}" for r in iris_repeats) + " s")
    if not args.only_iris:
        torch.set_num_threads(threads_of(engine, "fashion-small", args))
        results.update(fashion_runs(args))
    print_comparison(engine, results)
    json.dump(results, open(os.path.join(args.out, "pytorch-results.json"), "w"), indent=2)


def serve_iris(args):
    print(f"PyTorch {torch.__version__}, {torch.get_num_threads()} thread(s)", flush=True)
    for line in iter(input_line, None):
        if line.strip() == "run":
            print(json.dumps(iris_run(args.data, args.out)), flush=True)


def input_line():
    try:
        return input()
    except EOFError:
        return None


def threads_of(engine, key, args):
    return int(engine.get(key, {}).get("threads", args.threads))


def fashion_runs(args):
    results = {}
    folder = os.path.join(args.data, "fashion-mnist")
    train_x = torch.from_numpy(read_idx(os.path.join(folder, "train-images-idx3-ubyte.gz")).astype(np.float32) / 255).unsqueeze(1)
    train_y = torch.from_numpy(read_idx(os.path.join(folder, "train-labels-idx1-ubyte.gz")).astype(np.int64))
    test_x = torch.from_numpy(read_idx(os.path.join(folder, "t10k-images-idx3-ubyte.gz")).astype(np.float32) / 255).unsqueeze(1)
    test_y = torch.from_numpy(read_idx(os.path.join(folder, "t10k-labels-idx1-ubyte.gz")).astype(np.int64))
    order = torch.from_numpy(np.fromfile(os.path.join(args.out, "fashion-epoch1-order.int64"), dtype=np.int64))
    for name in ("small", "reference"):
        results[f"fashion-{name}"] = fashion_epoch(name, args.out, train_x, train_y, test_x, test_y, order)
    return results


def print_comparison(engine, results):
    print(f"{'run':<20}{'threads':>8}{'engine s':>10}{'pytorch s':>11}{'engine/pytorch':>16}{'engine acc':>12}{'pytorch acc':>13}")
    for key, ours in results.items():
        theirs = engine.get(key)
        if theirs is None:
            continue
        print(f"{key:<20}{int(theirs.get('threads', 0)):>8}{theirs['seconds']:>10.3f}{ours['seconds']:>11.3f}{theirs['seconds'] / ours['seconds']:>16.2f}"
              f"{theirs['testAcc']:>12.4f}{ours['testAcc']:>13.4f}")


if __name__ == "__main__":
    main()
