# %% [markdown] lang="zh"
# # Session 里的 Dropout 与 BatchNormalization
#
# [`training` 参数](training-mode.md)一页讲 `training` 怎样传到每个子层。本页看最常用到它的两个内置层：
# Dropout 和 BatchNormalization 到了 TF1 的会话（`Session`）里会怎样。先在即时执行（eager execution）下
# 跑出基准，再在图模式（graph mode）下用 `tf.compat.v1.Session` 对比；每一条都在 Keras 3
# （TF 2.21 的 `tf.keras`）和旧版 Keras 2（`tf_keras` 包）上各跑一遍。
# 关键在于：图里的赋值操作只有被取回（`fetch`）的张量依赖它时才会执行。
#
# | 问题 | Keras 3（`tf.keras`） | tf_keras（Keras 2） |
# |---|---|---|
# | [即时执行下的 Dropout 与 BatchNormalization](#dropout-与-batchnormalization即时执行) | 每次调用换新掩码（mask）；`training=True` 更新移动平均（moving average） | 同左 |
# | [`Session` 里 `Dropout(training=True)` 的掩码](#dropout-的掩码每次-run-都变吗) | **每次 `run` 都一样**（除非另外运行推进种子的赋值操作，或用 `tf.function` 包住调用） | 每次 `run` 都不同 |
# | [`Session` 里 BatchNormalization 的移动平均](#batchnormalization-的移动平均会更新吗) | 只取回输出不会更新；没有 `layer.updates`，要自己找出游离的两个赋值操作（op）和输出一起取回，或者用 `tf.function` 包住调用 | 只取回输出不会更新；要同时运行 `layer.updates` |
# | [`UPDATE_OPS` 集合](#batchnormalization-的移动平均会更新吗) | 空（`tf.compat.v1.layers` 已不可用） | 空（只有 `TF_USE_LEGACY_KERAS=1` 下的 `tf.compat.v1.layers` 会往里放） |
# %% [markdown] lang="en"
# # Dropout and BatchNormalization inside a Session
#
# [The `training` argument](training-mode.md) shows how `training` reaches every sublayer. This
# page follows the two built-in layers that use it most, Dropout and BatchNormalization, into a
# TF1 `Session`. First the eager baseline, then the same layers in graph mode under
# `tf.compat.v1.Session`; every point runs on both Keras 3 (`tf.keras` in TF 2.21) and legacy
# Keras 2 (the `tf_keras` package). The key: an assign op in a graph runs only if a fetched tensor
# depends on it.
#
# | Question | Keras 3 (`tf.keras`) | tf_keras (Keras 2) |
# |---|---|---|
# | [Dropout and BatchNormalization in eager execution](#dropout-and-batchnormalization-eager-execution) | a new mask on every call; `training=True` updates the moving statistics | same |
# | [`Dropout(training=True)` mask across `Session.run` calls](#does-the-dropout-mask-change-from-run-to-run) | **the same on every run** (unless the assign op that advances the seed also runs, or the call is wrapped in `tf.function`) | different on every run |
# | [BatchNormalization moving statistics in a `Session`](#do-batchnormalizations-moving-statistics-update) | fetching the output does not update them; there is no `layer.updates`: find the two dangling assign ops yourself and fetch them with the output, or wrap the call in `tf.function` | fetching the output does not update them; run `layer.updates` too |
# | [`UPDATE_OPS` collection](#do-batchnormalizations-moving-statistics-update) | empty (`tf.compat.v1.layers` is unavailable) | empty (only `tf.compat.v1.layers`, under `TF_USE_LEGACY_KERAS=1`, fills it) |

# %% [markdown] lang="zh"
# ## 准备
#
# 同一个内核里同时导入两个版本：`keras` 是 Keras 3（和 `tf.keras` 是同一个东西），
# `tf_keras` 是旧版 Keras 2。即时执行保持打开；需要图模式时，用 `with graph().as_default():`
# 新建一张图，在图里建的张量都是符号张量，要在会话里运行才有值。
# `graph()` 顺便给每张图固定图级随机种子，tf_keras 的 Dropout 在图里靠它得到可复现的掩码。
# 输入 `x` 全是 1，所以输出里只要出现 0（和放大后的 2），就说明 Dropout 生效了（`dropped`）。
#
# tf_keras 在图模式下会通过 Python 日志打印弃用提示（带本机路径），所以把 TensorFlow 的
# Python 日志级别调到 `ERROR`。
# %% [markdown] lang="en"
# ## Setup
#
# Both versions live in one kernel: `keras` is Keras 3 (the same thing as `tf.keras`), `tf_keras`
# is legacy Keras 2. Eager execution stays on; where graph mode is needed, `with
# graph().as_default():` opens a new graph, whose tensors are symbolic and only get values inside a
# `Session`. `graph()` also fixes each graph's graph-level seed, which tf_keras' Dropout needs for
# reproducible masks in a graph. The input `x` is all ones, so any 0 (and the rescaled 2) in the
# output means Dropout was active (`dropped`).
#
# In graph mode tf_keras prints deprecation notices through Python logging (with local paths), so
# TensorFlow's Python log level is set to `ERROR`.

# %%
import os

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"

import numpy as np
import tensorflow as tf

tf.get_logger().setLevel("ERROR")

import keras
import tf_keras

tf.keras.utils.set_random_seed(0)
np.random.seed(0)
tf.compat.v1.set_random_seed(0)

VERSIONS = {"Keras 3": keras, "tf_keras": tf_keras}
print(
    "TensorFlow", tf.__version__, "| keras", keras.__version__, "| tf_keras", tf_keras.__version__
)
print(
    "tf.keras.layers.Dropout is keras.layers.Dropout:",
    tf.keras.layers.Dropout is keras.layers.Dropout,
)
print("executing eagerly:", tf.executing_eagerly())


def graph():
    """A new TF1 graph with a fixed graph-level seed."""
    g = tf.Graph()
    g.seed = 0
    return g


def dropped(y):
    """True if some unit was dropped (the input is all ones)."""
    return bool(np.any(np.asarray(y) != 1.0))


x = tf.ones((1, 8))


# %% [markdown] lang="zh"
# ## Dropout 与 BatchNormalization：即时执行
#
# 先看即时执行下的基准行为，后面 `Session` 里的结果拿它来对比。
#
# ### Dropout
#
# `training=True` 时每次调用都换一个新的随机掩码，保留下来的单元乘以 `1 / (1 - rate)` = 2；
# `training=False` 时原样输出。两个版本一样。
# %% [markdown] lang="en"
# ## Dropout and BatchNormalization: eager execution
#
# First the eager baseline; the `Session` results below are compared with it.
#
# ### Dropout
#
# With `training=True` every call draws a new random mask, and kept units are scaled by
# `1 / (1 - rate)` = 2; with `training=False` the input comes back unchanged. Both versions agree.

# %%
for name, K in VERSIONS.items():
    drop = K.layers.Dropout(0.5)
    first = np.asarray(drop(x, training=True))
    second = np.asarray(drop(x, training=True))
    off = np.asarray(drop(x, training=False))
    print(name)
    print("  training=True, call 1:", first)
    print("  training=True, call 2:", second)
    print("  training=False:       ", off)
    assert not np.array_equal(first, second) and np.array_equal(off, x)

# %% [markdown] lang="zh"
# ### BatchNormalization
#
# BatchNormalization 有两个不参与训练的权重：均值的移动平均 `moving_mean` 和方差的移动平均 `moving_variance`。
# `training=True` 时它用当前批次的均值和方差做归一化，并按
# `new = momentum * old + (1 - momentum) * batch` 更新移动平均；
# `training=False` 时只用移动平均，不更新。这里 `momentum=0.5`，初值是均值 0、方差 1，
# 所以一次更新后的均值正好是批次均值的一半，方差是 `0.5 + 0.5 * 11.25 = 6.125`。
# %% [markdown] lang="en"
# ### BatchNormalization
#
# BatchNormalization has two non-trainable weights, `moving_mean` and `moving_variance`. With
# `training=True` it normalizes with the batch mean and variance and updates the moving statistics
# as `new = momentum * old + (1 - momentum) * batch`; with `training=False` it uses the moving
# statistics and leaves them alone. Here `momentum=0.5` and they start at mean 0, variance 1, so
# after one update the mean is half the batch mean and the variance is `0.5 + 0.5 * 11.25 = 6.125`.

# %%
data = np.arange(12, dtype=np.float32).reshape(4, 3)
print("batch mean:", data.mean(0), "| batch variance:", data.var(0))

for name, K in VERSIONS.items():
    bn = K.layers.BatchNormalization(momentum=0.5)
    bn.build((None, 3))
    start = bn.moving_mean.numpy()
    bn(data, training=False)
    after_false = bn.moving_mean.numpy()
    bn(data, training=True)
    after_true = bn.moving_mean.numpy()
    print(name)
    print("  moving_mean at start:        ", start)
    print("  after training=False:        ", after_false)
    print("  after training=True:         ", after_true)
    print("  moving_variance after True:  ", bn.moving_variance.numpy())
    assert np.array_equal(start, after_false) and np.allclose(after_true, data.mean(0) / 2)

# %% [markdown] lang="zh"
# ## 在 `Session` 里
#
# 到了 TF1 图模式，事情就不一样了。图里的操作只有在被取回（`fetch`）的张量依赖它时才会执行。
# 更新一个变量是一个赋值操作；如果输出不依赖它，只取回输出就不会执行它。
#
# ### Dropout 的掩码每次 `run` 都变吗？
#
# 建一次图，在同一个会话里把 `Dropout(training=True)` 的输出取回三次，再取回一次 `training=False` 的输出。
# 顺便列出 `y` 上游的随机数操作：
# %% [markdown] lang="en"
# ## Inside a `Session`
#
# In TF1 graph mode things change. An op in the graph runs only if a fetched tensor depends on it.
# Updating a variable is an assign op; if the output does not depend on it, fetching the output
# does not run it.
#
# ### Does the Dropout mask change from run to run?
#
# Build the graph once, then fetch the output of `Dropout(training=True)` three times in one
# session, and the `training=False` output once. The random-number ops upstream of `y` are listed
# too:


# %%
def upstream(op):
    """All ops that op depends on (through data inputs and control inputs)."""
    seen, todo = set(), [op]
    while todo:
        current = todo.pop()
        for dep in [t.op for t in current.inputs] + list(current.control_inputs):
            if dep not in seen:
                seen.add(dep)
                todo.append(dep)
    return seen


def new_assign_ops(g, ops_before):
    """Assign ops added to graph g since the snapshot ops_before."""
    return [
        op for op in g.get_operations() if op not in ops_before and op.type.startswith("Assign")
    ]


for name, K in VERSIONS.items():
    with graph().as_default():
        drop = K.layers.Dropout(0.5)
        y = drop(tf.ones((1, 8)), training=True)
        y_off = drop(tf.ones((1, 8)), training=False)
        random_ops = sorted({op.type for op in upstream(y.op) if "Random" in op.type})
        with tf.compat.v1.Session() as sess:
            sess.run(tf.compat.v1.global_variables_initializer())
            runs = np.concatenate([sess.run(y) for _ in range(3)])
            off = sess.run(y_off)
    same = all(np.array_equal(runs[0], row) for row in runs)
    print(f"{name}: random ops behind y: {random_ops}")
    print(f"  training=True, 3 runs (same mask every run: {same}):")
    print(runs)
    print("  training=False:", off)
    assert same == (K is keras) and not dropped(off)

# %% [markdown] lang="zh"
# `training=False` 在两个版本里都原样输出。差别在 `training=True`：
# tf_keras 的 Dropout 用的是有状态的随机数操作（`RandomUniform`），每次 `run` 自然抽出新的随机数。
# Keras 3 的 Dropout 用的是无状态（stateless）随机数（`StatelessRandomUniformV2`）：种子来自层里的 `seed_generator` 变量，
# 每次调用先读出种子，再把它的第二个分量加 1 写回去。即时执行时写回立刻生效，所以每次调用掩码都不同；
# 在图里，这个写回的赋值操作不在输出的依赖链（上游）上，只取回 `y` 时它根本不执行，
# 种子不变，掩码也就永远不变。**在 `Session` 里训练时，Dropout 每一步都丢同一批单元。**
#
# 下面把这个游离的赋值操作找出来：建层之后、调用之前给图拍个快照，调用后多出来的赋值操作
# 就是它。沿着输入和控制依赖往上游找可以确认：它不在 `y` 的上游，`y` 也不在它的上游。
# 每次取回 `y` 之后再单独运行一次它，掩码就会变。
# （分成两次 `run` 是有意的：两者之间没有依赖，放在同一次 `run` 里谁先谁后没有保证。）
# %% [markdown] lang="en"
# `training=False` passes the input through in both versions. The difference is `training=True`:
# tf_keras' Dropout uses a stateful random op (`RandomUniform`), which draws new numbers on every
# `run`. Keras 3's Dropout uses stateless random numbers (`StatelessRandomUniformV2`): the seed
# lives in the layer's `seed_generator` variable, and each call reads the seed, then writes it
# back with its second element plus 1. Eagerly the write happens at once, so every call gets a new
# mask. In a graph the assign op that writes it back is not upstream of the output: fetching `y`
# never runs it, the seed never moves, and the mask never changes.
# **Training in a `Session`, Dropout drops the same units at every step.**
#
# Find that dangling assign op: snapshot the graph after creating the layer and before calling
# it; the assign op that appears during the call is the one. Walking inputs and control inputs
# upstream confirms it: the assign op is not upstream of `y`, and `y` is not upstream of it. Run it
# on its own after each fetch of `y`, and the mask changes. (Two separate `run` calls on purpose:
# nothing orders the two, so inside one `run` their order is not guaranteed.)

# %%
with graph().as_default() as g:
    drop = keras.layers.Dropout(0.5)
    ops_before = set(g.get_operations())
    y = drop(tf.ones((1, 8)), training=True)
    updates = new_assign_ops(g, ops_before)
    seed_state = drop.seed_generator.state.value
    print("dangling assign ops:", [op.name for op in updates])
    print("assign op is upstream of y:", updates[0] in upstream(y.op))
    print("y is upstream of the assign op:", y.op in upstream(updates[0]))
    assert updates[0] not in upstream(y.op) and y.op not in upstream(updates[0])
    with tf.compat.v1.Session() as sess:
        sess.run(tf.compat.v1.global_variables_initializer())
        print("seed state at start:           ", sess.run(seed_state))
        sess.run(y)
        print("after sess.run(y):             ", sess.run(seed_state))
        rows = []
        for _ in range(3):
            rows.append(sess.run(y)[0])
            sess.run(updates)
        print("after 3 x (run y, run updates):", sess.run(seed_state))
rows = np.stack(rows)
print(rows)
assert not np.array_equal(rows[0], rows[1]) and not np.array_equal(rows[1], rows[2])

# %% [markdown] lang="zh"
# 更省事的办法：把层的调用包进 `tf.function`。在图里调用 `tf.function` 会生成一个函数调用操作
# （`StatefulPartitionedCall`），函数体内的有状态操作按代码顺序自动加上控制依赖，并且每次调用都会执行。
# 于是种子的读和写都发生在取回 `y` 的那次 `run` 里，而且顺序固定：
# %% [markdown] lang="en"
# The easier way: wrap the layer call in `tf.function`. Calling a `tf.function` inside a graph
# adds one function-call op (`StatefulPartitionedCall`); inside the function, stateful ops get
# automatic control dependencies in program order, and they all run on every call. So reading and
# writing the seed both happen in the `run` that fetches `y`, in a fixed order:

# %%
with graph().as_default():
    drop = keras.layers.Dropout(0.5)
    y = tf.function(lambda t: drop(t, training=True))(tf.ones((1, 8)))
    print("y is made by op type:", y.op.type)
    with tf.compat.v1.Session() as sess:
        sess.run(tf.compat.v1.global_variables_initializer())
        runs = np.concatenate([sess.run(y) for _ in range(3)])
print(runs)
assert not np.array_equal(runs[0], runs[1]) and not np.array_equal(runs[1], runs[2])

# %% [markdown] lang="zh"
# ### BatchNormalization 的移动平均会更新吗？
#
# 先说怎么读 Keras 3 的变量：Keras 3 的 `Variable` 不是 TensorFlow 的张量，不能直接取回；
# 取回它的 `.value`（底层的 `tf.Variable`）就行。tf_keras 的变量本身就是 `tf.Variable`，可以直接取回。
# %% [markdown] lang="en"
# ### Do BatchNormalization's moving statistics update?
#
# First, how to read a Keras 3 variable: a Keras 3 `Variable` is not a TensorFlow tensor and cannot
# be fetched; fetch its `.value` (the underlying `tf.Variable`) instead. tf_keras variables are
# `tf.Variable`s already and can be fetched directly.

# %%
with graph().as_default():
    bn = keras.layers.BatchNormalization()
    bn.build((None, 3))
    with tf.compat.v1.Session() as sess:
        sess.run(tf.compat.v1.global_variables_initializer())
        with expect(TypeError, 'has invalid type "Variable"'):
            sess.run(bn.moving_mean)
        print(type(bn.moving_mean.value).__name__, sess.run(bn.moving_mean.value))


def moving_stats(K, bn):
    """Fetchable moving mean and variance of a BatchNormalization layer."""
    if K is keras:
        return [bn.moving_mean.value, bn.moving_variance.value]
    return [bn.moving_mean, bn.moving_variance]


def show_stats(label, values):
    mean, variance = values
    print(f"{label:24} moving_mean {mean} | moving_variance {variance}")


# %% [markdown] lang="zh"
# **tf_keras**：更新移动平均的操作放在 `bn.updates` 里，**不在** `tf.compat.v1.GraphKeys.UPDATE_OPS`
# 集合里。只取回输出，统计量不动；把 `bn.updates` 和输出一起取回，才会更新。
# %% [markdown] lang="en"
# **tf_keras**: the ops that update the moving statistics are in `bn.updates`, **not** in the
# `tf.compat.v1.GraphKeys.UPDATE_OPS` collection. Fetching the output leaves the statistics alone;
# fetching `bn.updates` with it updates them.

# %%
with graph().as_default():
    x_in = tf.compat.v1.placeholder(tf.float32, [None, 3], name="x")
    bn = tf_keras.layers.BatchNormalization(momentum=0.5)
    y = bn(x_in, training=True)
    print("bn.updates:", [op.name for op in bn.updates])
    print("UPDATE_OPS:", tf.compat.v1.get_collection(tf.compat.v1.GraphKeys.UPDATE_OPS))
    stats = moving_stats(tf_keras, bn)
    with tf.compat.v1.Session() as sess:
        sess.run(tf.compat.v1.global_variables_initializer())
        show_stats("at start:", sess.run(stats))
        sess.run(y, {x_in: data})
        sess.run(y, {x_in: data})
        show_stats("after 2 x fetch y:", sess.run(stats))
        sess.run([y, bn.updates], {x_in: data})
        show_stats("after fetch y + updates:", sess.run(stats))
        final = sess.run(stats)
assert np.allclose(final[0], data.mean(0) / 2)

# %% [markdown] lang="zh"
# 那么 TF1 代码里常见的 `tf.control_dependencies(tf.compat.v1.get_collection(UPDATE_OPS))` 写法靠的是谁？
# 是旧的函数式层 `tf.compat.v1.layers.batch_normalization`，只有它会把更新操作放进这个集合。
# 在 Keras 3 下它已经不能用了；设置 `TF_USE_LEGACY_KERAS=1` 后它由 tf_keras 提供，集合才有内容。
# 这个环境变量必须在导入 TensorFlow 之前设置，所以放在子进程里运行：
# %% [markdown] lang="en"
# So what does the familiar TF1 idiom `tf.control_dependencies(tf.compat.v1.get_collection(UPDATE_OPS))`
# rely on? On the old functional layer `tf.compat.v1.layers.batch_normalization`: only it puts its
# update ops into that collection. Under Keras 3 it no longer works; with `TF_USE_LEGACY_KERAS=1`
# tf_keras provides it, and the collection fills. That variable must be set before TensorFlow is
# imported, so this runs in a subprocess:

# %%
import subprocess
import sys
import textwrap

with expect(AttributeError, "is not available with Keras 3"):
    tf.compat.v1.layers.batch_normalization

legacy_code = textwrap.dedent("""
    import tensorflow as tf

    tf.get_logger().setLevel("ERROR")
    with tf.Graph().as_default():
        x = tf.compat.v1.placeholder(tf.float32, [None, 3])
        y = tf.compat.v1.layers.batch_normalization(x, training=True)
        layer_class = tf.compat.v1.layers.BatchNormalization
        update_ops = tf.compat.v1.get_collection(tf.compat.v1.GraphKeys.UPDATE_OPS)
        print("tf.compat.v1.layers.BatchNormalization from:", layer_class.__module__)
        print("UPDATE_OPS:", [op.name for op in update_ops])
""")
env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", TF_USE_LEGACY_KERAS="1")
result = subprocess.run(
    [sys.executable, "-c", legacy_code], env=env, capture_output=True, text=True, check=True
)
print(result.stdout, end="")
assert "AssignMovingAvg" in result.stdout

# %% [markdown] lang="zh"
# **Keras 3**：层上根本没有 `updates` 属性，`UPDATE_OPS` 同样是空的。
# BatchNormalization 在 `call` 里对两个变量调用 `assign`，在图里就成了两个游离的赋值操作，
# 和 Dropout 的种子一样没人运行。用同样的快照办法找出来，和输出一起取回。
# 这里放在同一次 `run` 里没有问题：赋值操作的输入依赖批次统计量，先后顺序由数据依赖保证；
# 训练模式的输出也不读移动平均。注意先 `build` 再拍快照，否则建层时的初始化赋值也会被算进来。
# %% [markdown] lang="en"
# **Keras 3**: the layer has no `updates` attribute at all, and `UPDATE_OPS` is empty as well.
# BatchNormalization calls `assign` on the two variables in `call`; in a graph these become two
# dangling assign ops that, like Dropout's seed update, nobody runs. Find them with the same
# snapshot trick and fetch them with the output. One `run` is fine here: the assign ops take the
# batch statistics as inputs, so data dependencies fix the order, and the training-mode output
# does not read the moving statistics. `build` before the snapshot, or the initializer assigns
# created while building would be caught too.

# %%
with graph().as_default() as g:
    x_in = tf.compat.v1.placeholder(tf.float32, [None, 3], name="x")
    bn = keras.layers.BatchNormalization(momentum=0.5)
    bn.build((None, 3))
    with expect(AttributeError, "has no attribute 'updates'"):
        bn.updates
    ops_before = set(g.get_operations())
    y = bn(x_in, training=True)
    updates = new_assign_ops(g, ops_before)
    print("UPDATE_OPS:", tf.compat.v1.get_collection(tf.compat.v1.GraphKeys.UPDATE_OPS))
    print("dangling assign ops:", [op.name for op in updates])
    stats = moving_stats(keras, bn)
    with tf.compat.v1.Session() as sess:
        sess.run(tf.compat.v1.global_variables_initializer())
        show_stats("at start:", sess.run(stats))
        sess.run(y, {x_in: data})
        sess.run(y, {x_in: data})
        show_stats("after 2 x fetch y:", sess.run(stats))
        sess.run([y, updates], {x_in: data})
        show_stats("after fetch y + updates:", sess.run(stats))
        final = sess.run(stats)
assert np.allclose(final[0], data.mean(0) / 2)

# %% [markdown] lang="zh"
# 同样，用 `tf.function` 包住调用后，只取回输出就会更新，不用再找赋值操作：
# %% [markdown] lang="en"
# Again, with the call wrapped in `tf.function`, fetching the output is enough; no assign ops to
# hunt for:

# %%
with graph().as_default():
    x_in = tf.compat.v1.placeholder(tf.float32, [None, 3], name="x")
    bn = keras.layers.BatchNormalization(momentum=0.5)
    bn.build((None, 3))
    y = tf.function(lambda t: bn(t, training=True))(x_in)
    stats = moving_stats(keras, bn)
    with tf.compat.v1.Session() as sess:
        sess.run(tf.compat.v1.global_variables_initializer())
        for step in (1, 2):
            sess.run(y, {x_in: data})
            show_stats(f"after fetch y #{step}:", sess.run(stats))
        final = sess.run(stats)
assert np.allclose(final[0], data.mean(0) * 0.75)

# %% [markdown] lang="zh"
# `training=False` 时两个版本都不会建任何更新操作：
# %% [markdown] lang="en"
# With `training=False`, neither version creates any update op:

# %%
for name, K in VERSIONS.items():
    with graph().as_default() as g:
        bn = K.layers.BatchNormalization()
        bn.build((None, 3))
        ops_before = set(g.get_operations())
        bn(tf.ones((4, 3)), training=False)
        new = new_assign_ops(g, ops_before)
        print(
            f"{name:8} training=False: new assign ops {new} | bn.updates {getattr(bn, 'updates', 'n/a')}"
        )
        assert new == []

# %% [markdown] lang="zh"
# ## 小结
#
# - 即时执行下两个版本一样：`Dropout(training=True)` 每次调用换新掩码，BatchNormalization 在
#   `training=True` 时更新移动平均。
# - `Session` 里 Keras 3 的 `Dropout(training=True)` 每次 `run` 掩码都一样，
#   BatchNormalization 的移动平均也不更新：它们的赋值操作游离在图里，Keras 3 没有 `layer.updates`。
#   要么自己找出这些赋值操作运行（BatchNormalization 的和输出一起取回，Dropout 的种子更新要单独 `run`），
#   要么用 `tf.function` 包住层的调用。
# - tf_keras 的 Dropout 每次 `run` 掩码都变；BatchNormalization 要把 `layer.updates` 和输出一起取回。
#   两个版本的 `UPDATE_OPS` 集合都是空的；只有旧的 `tf.compat.v1.layers`（Keras 3 下不可用，
#   要设 `TF_USE_LEGACY_KERAS=1`）才往里放更新操作。
# - `training=False` 时两个版本都不建更新操作。
#
# 用 `tf.bool` 占位符在训练和推理之间切换，见 [`training` 参数](training-mode.md#用-tfbool-占位符当-training)；
# 在 `Session` 里训练一个完整模型，见 [Keras 3 与 tf_keras：在 Session 里训练](keras3-vs-tf-keras-training.md)。
# %% [markdown] lang="en"
# ## Summary
#
# - In eager execution both versions agree: `Dropout(training=True)` draws a new mask on every
#   call, and BatchNormalization updates its moving statistics with `training=True`.
# - In a `Session`, Keras 3's `Dropout(training=True)` gives the same mask on every `run`, and
#   BatchNormalization's moving statistics do not update: their assign ops dangle in the graph and
#   Keras 3 has no `layer.updates`. Either find and run those assign ops yourself (BatchNormalization's
#   fetched with the output, Dropout's seed update in a separate `run`), or wrap the layer call in
#   `tf.function`.
# - tf_keras' Dropout draws a new mask on every `run`; for BatchNormalization, fetch
#   `layer.updates` with the output. The `UPDATE_OPS` collection is empty in both versions; only
#   the old `tf.compat.v1.layers` (unavailable under Keras 3, needs `TF_USE_LEGACY_KERAS=1`) put
#   update ops there.
# - With `training=False`, neither version creates update ops.
#
# Switching between training and inference with a `tf.bool` placeholder:
# [the `training` argument](training-mode.md#a-tfbool-placeholder-as-training). Training a whole
# model in a `Session`: [Keras 3 vs tf_keras: training under Session](keras3-vs-tf-keras-training.md).
