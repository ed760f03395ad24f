# %% [markdown] lang="zh"
# # `training` 参数：训练模式与推理模式
#
# `Layer.call` 有两个保留的关键字参数：`training`（训练模式还是推理模式）和 `mask`（掩码），
# `call` 的签名写出了它们才会收到（见[层的生命周期](layer-lifecycle.md#call-arguments)）。
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
# | `tf.bool` 占位符当 `training` | `OperatorNotAllowedInGraphError`；可用 `tf.function` + `tf.cond` 绕开 | 可以，两种占位符都行 |
#
# Dropout 的掩码和 BatchNormalization 的移动平均（moving average）在 `Session` 里会不会更新，见
# [Session 里的 Dropout 与 BatchNormalization](dropout-batchnorm-session.md)。
# %% [markdown] lang="en"
# # The `training` argument: training and inference mode
#
# `Layer.call` has two reserved keyword arguments: `training` (training mode or inference mode) and
# `mask`; `call` receives them only if its signature names them (see
# [Layer lifecycle](layer-lifecycle.md#call-arguments)). This page is about `training`. [The blog post](quick-start.md) only quotes one sentence of the docs
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
# | `tf.bool` placeholder as `training` | `OperatorNotAllowedInGraphError`; work around with `tf.function` + `tf.cond` | works, with both kinds of placeholder |
#
# Whether Dropout's mask and BatchNormalization's moving statistics update inside a `Session`:
# [Dropout and BatchNormalization inside a Session](dropout-batchnorm-session.md).

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
# 但 Dropout 建出来的图不一样：Keras 3 的 Dropout 直接把输入原样返回，调用没有往图里加任何计算
# （新操作只有建层时创建种子变量的那几个；下面的列表不列它们，也不列 `Identity`）；
# tf_keras 的 Dropout 建了一个条件分支（`If`），条件就是一个名叫 `keras_learning_phase` 的
# `placeholder_with_default(False)`，也就是 Keras 2 的“学习阶段”（learning phase）。
# %% [markdown] lang="en"
# ### Graph mode, `training` not given
#
# Build the same `Block` in a graph without `training`. Both versions' `call` receive `None`, but
# Dropout builds different graphs: Keras 3's Dropout returns its input unchanged and the call adds
# no computation (the only new ops create the layer's seed variable; the listing below leaves them
# out, and `Identity` ops too); tf_keras' Dropout builds a conditional (`If`) whose condition is a
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
# BatchNormalization 收到张量形式的 `training` 时，`bn.updates`（tf_keras 里更新移动平均的操作，
# 见 [Session 里的 Dropout 与 BatchNormalization](dropout-batchnorm-session.md#batchnormalization-的移动平均会更新吗)）
# 变成条件操作：馈送 `False` 时运行它们也不改变统计量，馈送 `True` 时才更新。
# 所以可以无条件地每步都带上 `bn.updates`。`momentum=0.5`、初值为 0，所以一次更新后的均值是批次均值的一半。
# %% [markdown] lang="en"
# When BatchNormalization gets `training` as a tensor, `bn.updates` (tf_keras' ops that update the
# moving statistics, see
# [Dropout and BatchNormalization inside a Session](dropout-batchnorm-session.md#do-batchnormalizations-moving-statistics-update))
# become conditional ops: running them with `False` fed leaves the statistics alone, with `True`
# fed they update. So it is safe to fetch `bn.updates` on every step. With `momentum=0.5` and a
# start at 0, one update leaves the mean at half the batch mean.

# %%
data = np.arange(12, dtype=np.float32).reshape(4, 3)

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
# 函数体里的赋值操作会随所走的分支一起执行，所以移动平均和 Dropout 的种子都会正常更新
# （不用 `tf.function` 时它们为什么不更新，见 [Session 里的 Dropout 与 BatchNormalization](dropout-batchnorm-session.md)）：
# %% [markdown] lang="en"
# The workaround: inside a `tf.function`, let `tf.cond` pick one of two branches from the
# placeholder, and call the layers with the Python constants `training=True` / `training=False` in
# them (build the layers first: variables cannot be created inside a branch). The assign ops inside
# the function run with the branch taken, so both the moving statistics and Dropout's seed update
# (why they do not without `tf.function`:
# [Dropout and BatchNormalization inside a Session](dropout-batchnorm-session.md)):

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
# - `Session` 里 Dropout 的掩码和 BatchNormalization 的移动平均（Keras 3 下只取回输出都不会更新）：
#   见 [Session 里的 Dropout 与 BatchNormalization](dropout-batchnorm-session.md)。
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
# - Dropout's mask and BatchNormalization's moving statistics in a `Session` (under Keras 3,
#   fetching the output updates neither): see
#   [Dropout and BatchNormalization inside a Session](dropout-batchnorm-session.md).
# - A `tf.bool` placeholder as `training`: tf_keras handles it (AutoGraph even rewrites
#   `if training:` in your own layers); Keras 3 raises `OperatorNotAllowedInGraphError`, so use
#   `tf.cond` inside a `tf.function`.
#
# Other differences between the versions under a `Session` (optimizers, checkpoints, `get_weights`
# and more): [Keras 3 vs tf_keras](keras3-vs-tf-keras.md).
