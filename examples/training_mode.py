# %% [markdown] lang="zh"
# # `training` 参数：训练模式与推理模式
#
# `Layer.call` 有两个保留的关键字参数：`training`（训练模式还是推理模式）和 `mask`（掩码）。
# 本页只讲 `training`。[原博客](quick-start.md)只引用了文档里的一句话；这里把它在即时执行（eager execution）、
# 图模式（graph mode）和 `tf.compat.v1.Session` 里的真实行为逐条跑出来，并且每一条都在 Keras 3
# （TF 2.21 的 `tf.keras`）和旧版 Keras 2（`tf_keras` 包）上各跑一遍。
# 掩码见另一页：[掩码（`mask`）的传递](masking.md)。
#
# | 问题 | Keras 3（`tf.keras`） | tf_keras（Keras 2） |
# |---|---|---|
# | 外层收到 `training=True/False`，内层没传 | 内层自动继承 | 内层自动继承 |
# | 完全不给 `training` 时 `call` 收到 | `None`，Dropout 按推理处理 | 即时执行同左；图模式下内置层改读 `learning_phase()` 占位符，自定义 `call` 仍收到 `None` |
# | 显式写 `training=None` | 覆盖外层的值，内层变成推理 | 被忽略，仍用外层的值 |
# | `Session` 里 `Dropout(training=True)` 的掩码 | **每次 `run` 都一样** | 每次 `run` 都不同 |
# | `Session` 里 BatchNormalization 的移动平均（moving average） | 只取回输出不会更新；没有 `layer.updates`，要自己找出游离的两个赋值操作（op）和输出一起取回，或者用 `tf.function` 包住调用 | 只取回输出不会更新；要同时运行 `layer.updates` |
# | `UPDATE_OPS` 集合 | 空（`tf.compat.v1.layers` 已不可用） | 空（只有 `TF_USE_LEGACY_KERAS=1` 下的 `tf.compat.v1.layers` 会往里放） |
# | `tf.bool` 占位符当 `training` | `OperatorNotAllowedInGraphError`；可用 `tf.function` + `tf.cond` 绕开 | 可以，两种占位符都行 |
# %% [markdown] lang="en"
# # The `training` argument: training and inference mode
#
# `Layer.call` has two reserved keyword arguments: `training` (training mode or inference mode) and
# `mask`. This page is about `training`. [The blog post](quick-start.md) only quotes one sentence of the docs
# about it. This page runs what it really does in eager execution, in graph mode and inside a
# `tf.compat.v1.Session`, and runs every point on both Keras 3 (`tf.keras` in TF 2.21) and legacy
# Keras 2 (the `tf_keras` package). Masks have their own page:
# [Masks: how `mask` flows between layers](masking.md).
#
# | Question | Keras 3 (`tf.keras`) | tf_keras (Keras 2) |
# |---|---|---|
# | Outer layer gets `training=True/False`, inner layer gets nothing | inner layer inherits it | inner layer inherits it |
# | `training` never given: `call` receives | `None`; Dropout acts as in inference | same in eager mode; in graph mode built-in layers read the `learning_phase()` placeholder, a custom `call` still gets `None` |
# | Explicit `training=None` | overrides the outer value: inner layer runs in inference | ignored: outer value still used |
# | `Dropout(training=True)` mask across `Session.run` calls | **the same on every run** | different on every run |
# | BatchNormalization moving statistics in a `Session` | fetching the output does not update them; there is no `layer.updates`: find the two dangling assign ops yourself and fetch them with the output, or wrap the call in `tf.function` | fetching the output does not update them; run `layer.updates` too |
# | `UPDATE_OPS` collection | empty (`tf.compat.v1.layers` is unavailable) | empty (only `tf.compat.v1.layers`, under `TF_USE_LEGACY_KERAS=1`, fills it) |
# | `tf.bool` placeholder as `training` | `OperatorNotAllowedInGraphError`; work around with `tf.function` + `tf.cond` | works, with both kinds of placeholder |

# %% [markdown] lang="zh"
# ## 准备
#
# 同一个内核里同时导入两个版本：`keras` 是 Keras 3（和 `tf.keras` 是同一个东西），
# `tf_keras` 是旧版 Keras 2。即时执行保持打开；需要图模式时，用 `with graph().as_default():`
# 新建一张图，在图里建的张量都是符号张量，要在会话（`Session`）里运行才有值。
# `graph()` 顺便给每张图固定图级随机种子，tf_keras 的 Dropout 在图里靠它得到可复现的掩码。
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
# reproducible masks in a graph.
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


# %% [markdown] lang="zh"
# ## `training` 怎样传到嵌套层
#
# ### 即时执行
#
# 下面的自定义层 `Block` 里有两个子层：一个只记录自己收到什么 `training` 的探针 `Probe`，
# 和一个 `Dropout(0.5)`。关键在于 `Block.call` **没有**把 `training` 传给子层。
# 输入全是 1，所以输出里只要出现 0（和放大后的 2），就说明 Dropout 生效了。
# %% [markdown] lang="en"
# ## How `training` reaches nested layers
#
# ### Eager execution
#
# The custom layer `Block` below holds two sublayers: a `Probe` that only records the `training`
# value it receives, and a `Dropout(0.5)`. The point: `Block.call` does **not** pass `training` on
# to them. The input is all ones, so any 0 (and the rescaled 2) in the output means Dropout was
# active.


# %%
def make_block(K, default=None):
    class Probe(K.layers.Layer):
        def call(self, x, training=None):
            self.seen = training
            return x

    class Block(K.layers.Layer):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.probe = Probe()
            self.drop = K.layers.Dropout(0.5)

        def call(self, x, training=default):
            self.seen = training
            return self.drop(self.probe(x))  # training is NOT passed on

    return Block


def dropped(y):
    """True if some unit was dropped (the input is all ones)."""
    return bool(np.any(np.asarray(y) != 1.0))


x = tf.ones((1, 8))
for name, K in VERSIONS.items():
    Block = make_block(K)
    for kwargs in ({"training": True}, {"training": False}, {}):
        block = Block()
        y = block(x, **kwargs)
        given = str(kwargs)[1:-1] or "(not given)"
        print(
            f"{name:8} {given:17} Block.call sees {block.seen!s:5} | "
            f"Probe sees {block.probe.seen!s:5} | Dropout active: {dropped(y)}"
        )
        assert block.probe.seen == kwargs.get("training")
        assert dropped(y) == kwargs.get("training", False)

# %% [markdown] lang="zh"
# 两个版本完全一样：
#
# - 外层收到的 `training` 会经过“调用上下文”（call context）自动传给所有子层，
#   子层自己的 `call` 也能看到这个值。不需要手动一层层往下传（当然手动传也没错）。
# - 完全不给时，`call` 收到的是 `None`，不是 `False`。Dropout 把 `None` 当作推理模式，不丢弃任何单元。
#   Keras 3 源码注释里写的是“最后退回 `False`”，但你的 `call` 实际拿到的是 `None`，
#   所以自己的层里要写 `if training:`，不要写 `if training is False:`。
#
# `call` 签名里的默认值也算数：签名写成 `training=True` 时，不给参数就是训练模式，并同样传给子层。
# %% [markdown] lang="en"
# Both versions behave the same:
#
# - The `training` value given to the outer layer travels through the "call context" to every
#   sublayer, and their own `call` sees it too. There is no need to pass it down by hand (doing so
#   is fine as well).
# - When it is not given at all, `call` receives `None`, not `False`. Dropout treats `None` as
#   inference and drops nothing. A comment in Keras 3's source says the last fallback is `False`,
#   but your `call` really gets `None`: write `if training:` in your own layers, never
#   `if training is False:`.
#
# The default in the `call` signature counts too: with `training=True` in the signature, not
# passing the argument means training mode, and that also reaches the sublayers.

# %%
for name, K in VERSIONS.items():
    block = make_block(K, default=True)()
    y = block(x)
    print(
        f"{name:8} signature default True: Block.call sees {block.seen} | "
        f"Probe sees {block.probe.seen} | Dropout active: {dropped(y)}"
    )
    assert block.seen is True and block.probe.seen is True and dropped(y)

# %% [markdown] lang="zh"
# ### 显式写 `training=None` 时两个版本不同
#
# 如果某个包装层把一个可能为 `None` 的值显式传给子层（比如转发一个可选参数），
# 两个版本就分道扬镳了：Keras 3 把显式的 `None` 当成“用户指定了推理”，覆盖外层的 `True`；
# tf_keras 把 `None` 当成“没指定”，继续用外层的值。
# Keras 3 的源码注释写的是“传入的 `training`，如果不是 `None`”优先，实际代码并没有排除 `None`。
# %% [markdown] lang="en"
# ### Explicit `training=None`: the versions differ
#
# When a wrapper layer passes a value that may be `None` to a sublayer explicitly (for example
# forwarding an optional argument), the two versions part ways: Keras 3 takes the explicit `None`
# as a choice and it overrides the outer `True`; tf_keras takes `None` as "not given" and keeps the
# outer value. Keras 3's source comment says the passed `training` wins "if not None", but the
# code does not exclude `None`.


# %%
def make_forwarder(K):
    class Forwarder(K.layers.Layer):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.drop = K.layers.Dropout(0.5)

        def call(self, x):
            return self.drop(x, training=None)

    return Forwarder


for name, K in VERSIONS.items():
    y = make_forwarder(K)()(x, training=True)
    print(f"{name:8} outer training=True, inner training=None -> Dropout active: {dropped(y)}")
    assert dropped(y) == (K is tf_keras)

# %% [markdown] lang="zh"
# ### 图模式下不给 `training`
#
# 在图里建同一个 `Block`，不给 `training`。两个版本的 `call` 都收到 `None`，
# 但 Dropout 建出来的图不一样：Keras 3 的 Dropout 直接把输入原样返回，图里没有任何新操作；
# tf_keras 的 Dropout 建了一个条件分支（`If`），条件就是一个名叫 `keras_learning_phase` 的
# `placeholder_with_default(False)`，也就是 Keras 2 的“学习阶段”（learning phase）。
# %% [markdown] lang="en"
# ### Graph mode, `training` not given
#
# Build the same `Block` in a graph without `training`. Both versions' `call` receive `None`, but
# Dropout builds different graphs: Keras 3's Dropout returns its input unchanged and adds no op at
# all; tf_keras' Dropout builds a conditional (`If`) whose condition is a
# `placeholder_with_default(False)` named `keras_learning_phase`: Keras 2's "learning phase".

# %%
for name, K in VERSIONS.items():
    with graph().as_default() as g:
        inputs = tf.ones((1, 8))
        ops_before = set(g.get_operations())
        block = make_block(K)()
        y = block(inputs)
        new_ops = [
            f"{op.type} {op.name}"
            for op in g.get_operations()
            if op not in ops_before and op.type != "Identity" and "seed_generator" not in op.name
        ]
    print(f"{name:8} Block.call sees {block.seen} | Probe sees {block.probe.seen}")
    print(f"         output is the input tensor: {y is inputs} | new ops: {new_ops}")
    assert block.seen is None and block.probe.seen is None

# %% [markdown] lang="zh"
# 所以在 tf_keras 的图里，馈送（`feed`）`learning_phase()` 就能打开 Dropout。
# 但要当心：你自己的 `call` 依然收到 `None`，只有读取学习阶段的内置层会跟着变。
# 如果你的层里写了 `if training:`，那个分支在这种情况下永远不会走到。
# %% [markdown] lang="en"
# So in a tf_keras graph, feeding `learning_phase()` switches Dropout on. Beware: your own `call`
# still received `None`; only the built-in layers that read the learning phase follow it. An
# `if training:` branch in your own layer is never taken this way.

# %%
with graph().as_default():
    block = make_block(tf_keras)()
    y = block(tf.ones((1, 8)))
    phase = tf_keras.backend.learning_phase()
    print(phase)
    with tf.compat.v1.Session() as sess:
        y_default = sess.run(y)
        y_fed = sess.run(y, feed_dict={phase: True})
print("not fed:         ", y_default)
print("phase fed True:  ", y_fed)
print("Block.call saw:  ", block.seen)
assert not dropped(y_default) and dropped(y_fed) and block.seen is None

# %% [markdown] lang="zh"
# Keras 3 没有学习阶段：`keras.backend.learning_phase` 不存在，TF 2.21 里的
# `tf.compat.v1.keras.backend` 也指向 Keras 3，同样没有。
# 更隐蔽的坑：迁移中的代码如果从 `tf_keras.backend` 拿学习阶段，却用 Keras 3 的层建图，
# 馈送 `True` 不会报错，只是**什么也不发生**。
# %% [markdown] lang="en"
# Keras 3 has no learning phase: `keras.backend.learning_phase` does not exist, and in TF 2.21
# `tf.compat.v1.keras.backend` is Keras 3 too. The sneakier trap: half-migrated code that takes the
# learning phase from `tf_keras.backend` but builds with Keras 3 layers gets no error when it feeds
# `True`; **nothing happens**.

# %%
with expect(AttributeError, "has no attribute 'learning_phase'"):
    keras.backend.learning_phase
with expect(AttributeError, "has no attribute 'learning_phase'"):
    tf.compat.v1.keras.backend.learning_phase

with graph().as_default():
    y = keras.layers.Dropout(0.5)(tf.ones((1, 8)))
    phase = tf_keras.backend.learning_phase()
    with tf.compat.v1.Session() as sess:
        y_fed = sess.run(y, feed_dict={phase: True})
print("Keras 3 Dropout, tf_keras learning phase fed True:", y_fed)
assert not dropped(y_fed)

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
# ## 用 `tf.bool` 占位符当 `training`
#
# TF1 代码常见的写法是建一张图，用一个布尔占位符在训练和评估之间切换。
# 这里试两种占位符：`placeholder_with_default(False, [])`（不馈送就是 `False`）和
# `placeholder(tf.bool, [])`（必须馈送）。
#
# ### tf_keras：可以
#
# tf_keras 的 Dropout 和 BatchNormalization 用 `smart_cond` 处理 `training`：
# 是 Python 布尔值就直接选分支，是张量就建一个条件操作。两种占位符都能用；
# 普通占位符不馈送时，`run` 报 `InvalidArgumentError`。
# %% [markdown] lang="en"
# ## A `tf.bool` placeholder as `training`
#
# A common TF1 pattern builds one graph and switches between training and evaluation with a boolean
# placeholder. Two kinds are tried here: `placeholder_with_default(False, [])` (`False` when not
# fed) and `placeholder(tf.bool, [])` (must be fed).
#
# ### tf_keras: works
#
# tf_keras' Dropout and BatchNormalization handle `training` with `smart_cond`: a Python bool picks
# a branch right away, a tensor builds a conditional op. Both placeholders work; an unfed plain
# placeholder makes `run` raise `InvalidArgumentError`.

# %%
PLACEHOLDERS = {
    "placeholder_with_default(False, [])": lambda: tf.compat.v1.placeholder_with_default(
        False, [], name="is_training"
    ),
    "placeholder(tf.bool, [])": lambda: tf.compat.v1.placeholder(tf.bool, [], name="is_training"),
}

for label, make_placeholder in PLACEHOLDERS.items():
    with graph().as_default():
        is_training = make_placeholder()
        y = tf_keras.layers.Dropout(0.5)(tf.ones((1, 8)), training=is_training)
        with tf.compat.v1.Session() as sess:
            print(label)
            print("  fed False:", sess.run(y, {is_training: False}))
            print("  fed True: ", sess.run(y, {is_training: True}))
            if "with_default" in label:
                print("  not fed:  ", sess.run(y))
            else:
                with expect(
                    tf.errors.InvalidArgumentError, "You must feed a value for placeholder tensor"
                ):
                    sess.run(y)

# %% [markdown] lang="zh"
# BatchNormalization 收到张量形式的 `training` 时，`bn.updates` 变成条件操作：
# 馈送 `False` 时运行它们也不改变统计量，馈送 `True` 时才更新。所以可以无条件地每步都带上 `bn.updates`。
# %% [markdown] lang="en"
# When BatchNormalization gets `training` as a tensor, `bn.updates` become conditional ops: running
# them with `False` fed leaves the statistics alone, with `True` fed they update. So it is safe to
# fetch `bn.updates` on every step.

# %%
with graph().as_default():
    x_in = tf.compat.v1.placeholder(tf.float32, [None, 3], name="x")
    is_training = tf.compat.v1.placeholder_with_default(False, [], name="is_training")
    bn = tf_keras.layers.BatchNormalization(momentum=0.5)
    y = bn(x_in, training=is_training)
    print("bn.updates:", [op.name for op in bn.updates])
    with tf.compat.v1.Session() as sess:
        sess.run(tf.compat.v1.global_variables_initializer())
        means = []
        for flag in (False, True):
            out, _ = sess.run([y, bn.updates], {x_in: data, is_training: flag})
            means.append(sess.run(bn.moving_mean))
            print(f"fed {flag!s:5} -> moving_mean {means[-1]} | output row 0: {out[0].round(3)}")
assert np.array_equal(means[0], [0, 0, 0]) and np.allclose(means[1], data.mean(0) / 2)

# %% [markdown] lang="zh"
# ### 自己写的 `if training:`
#
# 自定义层里直接写 Python 的 `if training:`，再传进一个布尔占位符，两个版本就不一样了。
# tf_keras 在图模式下会用 AutoGraph 转换子类化层的 `call`，把这个 `if` 改写成 `tf.cond`
# （图里多出一个 `StatelessIf` 操作），所以能用；
# Keras 3 不做这种转换，对符号张量求布尔值直接报错。
# %% [markdown] lang="en"
# ### Your own `if training:`
#
# A custom layer with a plain Python `if training:`, given a boolean placeholder, splits the
# versions. In graph mode tf_keras runs the `call` of subclassed layers through AutoGraph, which
# rewrites that `if` into a `tf.cond` (a `StatelessIf` op appears in the graph), so it works;
# Keras 3 does no such rewrite, and taking the truth value of a symbolic tensor raises.

# %%
for name, K in VERSIONS.items():

    class Zeroer(K.layers.Layer):
        def call(self, x, training=None):
            if training:  # a plain Python if
                return x * 0.0
            return x

    with graph().as_default():
        is_training = tf.compat.v1.placeholder_with_default(False, [], name="is_training")
        if K is keras:
            with expect(
                tf.errors.OperatorNotAllowedInGraphError,
                "Using a symbolic `tf.Tensor` as a Python `bool` is not allowed",
            ):
                Zeroer()(tf.ones((1, 4)), training=is_training)
        else:
            ops_before = set(tf.compat.v1.get_default_graph().get_operations())
            y = Zeroer()(tf.ones((1, 4)), training=is_training)
            new_types = {
                op.type
                for op in tf.compat.v1.get_default_graph().get_operations()
                if op not in ops_before
            }
            cond_ops = sorted(t for t in new_types if t.endswith("If"))
            print(f"{name}: conditional ops built for the Python if: {cond_ops}")
            assert cond_ops
            with tf.compat.v1.Session() as sess:
                off, on = sess.run(y), sess.run(y, {is_training: True})
            print(f"{name}: not fed {off} | fed True {on}")
            assert np.array_equal(off, np.ones((1, 4))) and np.array_equal(on, np.zeros((1, 4)))

# %% [markdown] lang="zh"
# ### Keras 3：内置层同样报错
#
# Keras 3 的 Dropout 和 BatchNormalization 内部也是 `if training:`，所以两种占位符都报同一个错
# （下面一个用 `placeholder_with_default` 传给 Dropout，一个用普通占位符传给 BatchNormalization）：
# %% [markdown] lang="en"
# ### Keras 3: built-in layers raise too
#
# Keras 3's Dropout and BatchNormalization use `if training:` internally as well, so both kinds of
# placeholder raise the same error (below: `placeholder_with_default` into Dropout, a plain
# placeholder into BatchNormalization):

# %%
cases = [
    ("placeholder_with_default(False, [])", keras.layers.Dropout(0.5)),
    ("placeholder(tf.bool, [])", keras.layers.BatchNormalization()),
]
for label, layer in cases:
    with graph().as_default():
        is_training = PLACEHOLDERS[label]()
        with expect(
            tf.errors.OperatorNotAllowedInGraphError,
            "Using a symbolic `tf.Tensor` as a Python `bool` is not allowed",
        ):
            layer(tf.ones((4, 3)), training=is_training)

# %% [markdown] lang="zh"
# 绕开的办法：在 `tf.function` 里用 `tf.cond` 按占位符选择两条分支，每条分支用 Python 常量
# `training=True` / `training=False` 调用层（层要先 `build`，变量不能在分支里创建）。
# 函数体里的赋值操作会随所走的分支一起执行，所以移动平均和 Dropout 的种子都会正常更新：
# %% [markdown] lang="en"
# The workaround: inside a `tf.function`, let `tf.cond` pick one of two branches from the
# placeholder, and call the layers with the Python constants `training=True` / `training=False` in
# them (build the layers first: variables cannot be created inside a branch). The assign ops inside
# the function run with the branch taken, so both the moving statistics and Dropout's seed update:

# %%
with graph().as_default():
    x_in = tf.compat.v1.placeholder(tf.float32, [None, 3], name="x")
    is_training = tf.compat.v1.placeholder_with_default(False, [], name="is_training")
    bn = keras.layers.BatchNormalization(momentum=0.5)
    drop = keras.layers.Dropout(0.5)
    bn.build((None, 3))

    @tf.function
    def forward(t, training):
        return tf.cond(
            training,
            lambda: drop(bn(t, training=True), training=True),
            lambda: drop(bn(t, training=False), training=False),
        )

    y = forward(x_in, is_training)
    with tf.compat.v1.Session() as sess:
        sess.run(tf.compat.v1.global_variables_initializer())
        outs, means = [], []
        for flag in (False, True, True):
            outs.append(sess.run(y, {x_in: data, is_training: flag}))
            means.append(sess.run(bn.moving_mean.value))
            print(
                f"fed {flag!s:5} -> moving_mean {means[-1]} | output row 1: {outs[-1][1].round(3)}"
            )
assert np.array_equal(means[0], [0, 0, 0]) and np.allclose(means[2], data.mean(0) * 0.75)
assert not np.array_equal(outs[1] == 0, outs[2] == 0)  # a new dropout mask on each run

# %% [markdown] lang="zh"
# ## 小结
#
# - `training` 通过调用上下文自动传给所有子层；不给时 `call` 收到 `None`（不是 `False`），
#   签名里的默认值也会生效。两个版本一样。
# - 显式写 `training=None`：Keras 3 当成推理模式并覆盖外层，tf_keras 忽略它。
# - 图模式下不给 `training`：Keras 3 的 Dropout 直接返回输入；tf_keras 的内置层读
#   `keras_learning_phase` 占位符，但你自己的 `call` 仍然收到 `None`。Keras 3 没有学习阶段，
#   馈送 tf_keras 的学习阶段对它毫无作用。
# - `Session` 里 Keras 3 的 `Dropout(training=True)` 每次 `run` 掩码都一样，
#   BatchNormalization 的移动平均也不更新：它们的赋值操作游离在图里，Keras 3 没有 `layer.updates`。
#   要么自己找出这些赋值操作运行（BatchNormalization 的和输出一起取回，Dropout 的种子更新要单独 `run`），
#   要么用 `tf.function` 包住层的调用。
# - tf_keras 的 Dropout 每次 `run` 掩码都变；BatchNormalization 要把 `layer.updates` 和输出一起取回。
#   两个版本的 `UPDATE_OPS` 集合都是空的；只有旧的 `tf.compat.v1.layers`（Keras 3 下不可用，
#   要设 `TF_USE_LEGACY_KERAS=1`）才往里放更新操作。
# - `tf.bool` 占位符当 `training`：tf_keras 可以（自定义层里的 `if training:` 也会被 AutoGraph 改写）；
#   Keras 3 报 `OperatorNotAllowedInGraphError`，改用 `tf.function` 里的 `tf.cond`。
#
# 两个版本在 `Session` 下的其他差异（优化器、检查点、`get_weights` 等）见 [Keras 3 与 tf_keras](keras3-vs-tf-keras.md)。
# %% [markdown] lang="en"
# ## Summary
#
# - `training` reaches every sublayer through the call context; when not given, `call` receives
#   `None` (not `False`), and a default in the signature counts. Same in both versions.
# - Explicit `training=None`: Keras 3 treats it as inference and overrides the outer value;
#   tf_keras ignores it.
# - Graph mode without `training`: Keras 3's Dropout returns its input; tf_keras' built-in layers
#   read the `keras_learning_phase` placeholder, but your own `call` still gets `None`. Keras 3 has
#   no learning phase, and feeding tf_keras' learning phase does nothing to it.
# - In a `Session`, Keras 3's `Dropout(training=True)` gives the same mask on every `run`, and
#   BatchNormalization's moving statistics do not update: their assign ops dangle in the graph and
#   Keras 3 has no `layer.updates`. Either find and run those assign ops yourself (BatchNormalization's
#   fetched with the output, Dropout's seed update in a separate `run`), or wrap the layer call in
#   `tf.function`.
# - tf_keras' Dropout draws a new mask on every `run`; for BatchNormalization, fetch
#   `layer.updates` with the output. The `UPDATE_OPS` collection is empty in both versions; only
#   the old `tf.compat.v1.layers` (unavailable under Keras 3, needs `TF_USE_LEGACY_KERAS=1`) put
#   update ops there.
# - A `tf.bool` placeholder as `training`: tf_keras handles it (AutoGraph even rewrites
#   `if training:` in your own layers); Keras 3 raises `OperatorNotAllowedInGraphError`, so use
#   `tf.cond` inside a `tf.function`.
#
# Other differences between the versions under a `Session` (optimizers, checkpoints, `get_weights`
# and more): [Keras 3 vs tf_keras](keras3-vs-tf-keras.md).
