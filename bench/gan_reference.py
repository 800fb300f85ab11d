#!/usr/bin/python3
"""PyTorch reference for `LabDashboard.Bench gan`: the lecture's full-batch GAN loop on MNIST eights
(Linear 6→64→64→784 generator, 784→30→1 discriminator, BCELoss, Adam 0.5/0.999), timed per epoch
with the same thread count. It answers one question: is the engine's ms/epoch the machine's limit?

    /usr/bin/python3 bench/gan_reference.py [--data ../shared/data] [--epochs 200] [--threads 2]
Needs Debian's python3-torch and python3-numpy. Not a test.
"""
import argparse, gzip, os, struct, time

import numpy as np
import torch
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))


def read_idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    dims = data[3]
    shape = struct.unpack(">" + "I" * dims, data[4:4 + 4 * dims])
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def eights(data):
    images = read_idx(os.path.join(data, "mnist", "train-images-idx3-ubyte.gz"))
    labels = read_idx(os.path.join(data, "mnist", "train-labels-idx1-ubyte.gz"))
    return torch.from_numpy(images[labels == 8].astype(np.float32) / 255).reshape(-1, 1, 28, 28)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default=os.path.join(HERE, "..", "..", "shared", "data"))
    parser.add_argument("--epochs", type=int, default=200)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(43052)
    real = eights(args.data)
    generator = nn.Sequential(nn.Linear(6, 64), nn.ReLU(), nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, 784), nn.Sigmoid())
    discriminator = nn.Sequential(nn.Flatten(), nn.Linear(784, 30), nn.ReLU(), nn.Linear(30, 1), nn.Sigmoid())
    opt_d = torch.optim.Adam(discriminator.parameters(), 0.001, betas=(0.5, 0.999))
    opt_g = torch.optim.Adam(generator.parameters(), 0.0002, betas=(0.5, 0.999))
    bce = nn.BCELoss()
    print(f"PyTorch {torch.__version__}, {torch.get_num_threads()} threads, {len(real)} eights, {args.epochs} epochs")
    start = None
    for epoch in range(args.epochs):
        if epoch == 1:
            start = time.perf_counter()  # the first epoch warms up, as in the .NET benchmark
        fake = generator(torch.randn(len(real), 6)).reshape(-1, 1, 28, 28)
        d_real, d_fake = discriminator(real), discriminator(fake.detach())
        loss_d = bce(d_real, torch.zeros_like(d_real)) + bce(d_fake, torch.ones_like(d_fake))  # lecture labels: real = 0
        opt_d.zero_grad(); loss_d.backward(); opt_d.step()
        d_fake_g = discriminator(fake)
        loss_g = bce(d_fake_g, torch.zeros_like(d_fake_g))
        opt_g.zero_grad(); loss_g.backward(); opt_g.step()
        loss_d.item(); loss_g.item()
    per_epoch = (time.perf_counter() - start) / (args.epochs - 1)
    print(f"PyTorch GAN loop: {per_epoch * 1000:.1f} ms/epoch -> 1000 epochs ≈ {per_epoch * 1000:.0f} s")


if __name__ == "__main__":
    main()
