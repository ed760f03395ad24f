# %% [markdown] lang="zh"
# # 掩码（`mask`）的传递
#
# `Layer.call` 有两个保留的关键字参数：`training` 和 `mask`（`call` 什么时候收到它们，见
# [层的生命周期](layer-lifecycle.md#call-arguments)）。掩码（`mask`）是一个布尔张量，
# 标出哪些时间步有效：有效的步是 `True`，填充的步是 `False`。
# 本页只讲 `mask`：掩码从哪里来、怎样在层之间传递、谁来用它、在哪里悄悄丢掉。
# 每一条都在 Keras 3（TF 2.21 的 `tf.keras`）和旧版 Keras 2（`tf_keras` 包）上各跑一遍，
# 默认在即时执行下，最后一节在图模式下。
# `training` 参数见另一页：[`training` 参数：训练模式与推理模式](training-mode.md)。
#
# | 问题 | Keras 3（`tf.keras`） | tf_keras（Keras 2） |
# |---|---|---|
# | `Embedding(mask_zero=True)` 的掩码 | `ids != 0`，挂在输出的 `_keras_mask` 上 | 同左 |
# | [`call` 声明了 `mask` 参数](layer-lifecycle.md#call-arguments) | 自动收到输入的掩码 | 同左 |
# | 把掩码传给下游 | 设 `supports_masking = True` 或重写 `compute_mask` | 同左 |
# | 不支持掩码的层收到掩码 | 丢掉掩码，发出 `UserWarning` | 静默丢掉 |
# | 自己对这种层调用 `compute_mask(x, mask)` | 原样返回掩码 | `TypeError` |
# | [循环层收到掩码](#rnn-skips-padding) | 跳过填充步：输出和没补齐的短序列相同 | 同左 |
# | [`Masking(mask_value=0.0)`](#masking-layer) | 所有特征都等于 `mask_value` 的步标为 `False` | 同左 |
# | [`layer(x, mask=m)`](#explicit-mask) | 用传入的 `m`，优先于 `x` 上挂着的掩码 | 同左 |
# | 图模式里的掩码 | 符号张量，可以在 `Session` 里取回 | 同左 |
# %% [markdown] lang="en"
# # Masks: how `mask` flows between layers
#
# `Layer.call` has two reserved keyword arguments: `training` and `mask` (when `call` receives
# them: [Layer lifecycle](layer-lifecycle.md#call-arguments)). A mask is a boolean
# tensor that marks the valid time steps: `True` for a valid step, `False` for padding. This page
# is about `mask`: where a mask comes from, how it passes from layer to layer, who uses it, and
# where it is silently lost. Every point runs on both Keras 3 (`tf.keras` in TF 2.21) and legacy
# Keras 2 (the `tf_keras` package), eagerly, and the last section in graph mode. The `training` argument has
# its own page: [The `training` argument: training and inference mode](training-mode.md).
#
# | Question | Keras 3 (`tf.keras`) | tf_keras (Keras 2) |
# |---|---|---|
# | The mask of `Embedding(mask_zero=True)` | `ids != 0`, on the output's `_keras_mask` | same |
# | [`call` declares a `mask` parameter](layer-lifecycle.md#call-arguments) | receives the input's mask automatically | same |
# | Passing the mask downstream | set `supports_masking = True` or override `compute_mask` | same |
# | A layer without mask support receives a mask | mask dropped, `UserWarning` | mask dropped silently |
# | Calling `compute_mask(x, mask)` yourself on such a layer | returns the mask unchanged | `TypeError` |
# | [A recurrent layer receives a mask](#rnn-skips-padding) | skips the padded steps: same output as the unpadded sequence | same |
# | [`Masking(mask_value=0.0)`](#masking-layer) | a step whose features all equal `mask_value` is `False` | same |
# | [`layer(x, mask=m)`](#explicit-mask) | uses `m`, over any mask attached to `x` | same |
# | Masks in graph mode | a symbolic tensor, fetchable in a `Session` | same |

# %% [markdown] lang="zh"
# ## 准备
#
# 同一个内核里同时导入两个版本：`keras` 是 Keras 3（和 `tf.keras` 是同一个东西），
# `tf_keras` 是旧版 Keras 2。即时执行保持打开；需要图模式时，用 `with graph().as_default():`
# 新建一张图，在图里建的张量都是符号张量，要在会话（`Session`）里运行才有值。
# `graph()` 顺便给每张图固定图级随机种子。
#
# tf_keras 在图模式下会通过 Python 日志打印弃用提示（带本机路径），所以把 TensorFlow 的
# Python 日志级别调到 `ERROR`。
# %% [markdown] lang="en"
# ## Setup
#
# Both versions live in one kernel: `keras` is Keras 3 (the same thing as `tf.keras`), `tf_keras`
# is legacy Keras 2. Eager execution stays on; where graph mode is needed, `with
# graph().as_default():` opens a new graph, whose tensors are symbolic and only get values inside a
# `Session`. `graph()` also fixes each graph's graph-level seed.
#
# In graph mode tf_keras prints deprecation notices through Python logging (with local paths), so
# TensorFlow's Python log level is set to `ERROR`.

# %%
import os

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"

import numpy as np
import tensorflow as tf

tf.get_logger().setLevel("ERROR")

import warnings

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
    "tf.keras.layers.Embedding is keras.layers.Embedding:",
    tf.keras.layers.Embedding is keras.layers.Embedding,
)
print("executing eagerly:", tf.executing_eagerly())


def graph():
    """A new TF1 graph with a fixed graph-level seed."""
    g = tf.Graph()
    g.seed = 0
    return g


# %% [markdown] lang="zh"
# ## `Embedding(mask_zero=True)` 产生的掩码
#
# `mask_zero=True` 表示编号 0 是填充。`compute_mask(ids)` 返回 `ids != 0`；
# 调用层时，这个掩码还被挂在输出张量的 `_keras_mask` 属性上，下游层从这里取。两个版本一样，
# 即时执行下的输出都是普通的 `EagerTensor`。
# %% [markdown] lang="en"
# ## The mask from `Embedding(mask_zero=True)`
#
# `mask_zero=True` declares id 0 as padding. `compute_mask(ids)` returns `ids != 0`; when the layer
# is called, that mask is also attached to the output tensor as its `_keras_mask` attribute, where
# downstream layers pick it up. Both versions agree, and eagerly the output is a plain
# `EagerTensor` in both.

# %%
ids = np.array([[3, 5, 0, 0], [7, 0, 0, 0]])
for name, K in VERSIONS.items():
    emb = K.layers.Embedding(10, 2, mask_zero=True)
    out = emb(ids)
    print(name, "| output type:", type(out).__name__)
    print("  compute_mask(ids):\n", emb.compute_mask(ids).numpy())
    print("  output._keras_mask:\n", out._keras_mask.numpy())
    assert np.array_equal(out._keras_mask, ids != 0)

# %% [markdown] lang="zh"
# ## 自定义层里的 `mask`、`compute_mask` 和 `supports_masking`
#
# 下面四个自定义层：
#
# - `MaskedSum`：`call` 里声明了 `mask` 参数，框架会自动把输入的掩码传进来，不用手动给；
#   它沿时间轴只加有效步。输出没有时间轴了，所以它重写 `compute_mask` 返回 `None`，表示掩码到此为止。
# - `Copy`：普通的层，既没有 `mask` 参数，也不声明支持掩码。
# - `CopyMasking`：在 `__init__` 里设 `self.supports_masking = True`，输入掩码原样传给输出。
# - `CopyComputeMask`：重写 `compute_mask`。两个版本都会因此自动把 `supports_masking` 设成 `True`。
#
# Keras 3 的警告通过 Python 的 `warnings` 发出，这里用 `warnings.catch_warnings(record=True)`
# 收集起来，只打印消息。
# %% [markdown] lang="en"
# ## `mask`, `compute_mask` and `supports_masking` in custom layers
#
# Four custom layers:
#
# - `MaskedSum`: its `call` declares a `mask` parameter, so the framework passes the input's mask
#   in automatically; it sums over the valid time steps only. The output has no time axis, so it
#   overrides `compute_mask` to return `None`: the mask ends here.
# - `Copy`: a plain layer with no `mask` parameter and no declared mask support.
# - `CopyMasking`: sets `self.supports_masking = True` in `__init__`, so the input mask passes
#   through to the output.
# - `CopyComputeMask`: overrides `compute_mask`. Both versions then set `supports_masking` to `True`
#   on their own.
#
# Keras 3 warns through Python's `warnings`; `warnings.catch_warnings(record=True)` collects them
# here so that only the message is printed.


# %%
def make_mask_layers(K):
    class MaskedSum(K.layers.Layer):
        def call(self, x, mask=None):
            self.seen = mask
            valid = tf.cast(mask, x.dtype)[..., None]
            return tf.reduce_sum(x * valid, axis=1)

        def compute_mask(self, inputs, mask=None):
            return None

    class Copy(K.layers.Layer):
        def call(self, x):
            return tf.identity(x)

    class CopyMasking(Copy):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.supports_masking = True

    class CopyComputeMask(Copy):
        def compute_mask(self, inputs, mask=None):
            return mask

    return MaskedSum, Copy, CopyMasking, CopyComputeMask


def mask_of(t):
    m = getattr(t, "_keras_mask", None)
    return None if m is None else m.numpy().astype(int).tolist()


for name, K in VERSIONS.items():
    MaskedSum, Copy, CopyMasking, CopyComputeMask = make_mask_layers(K)
    e = K.layers.Embedding(10, 1, mask_zero=True, embeddings_initializer="ones")(ids)
    print(name)
    for L in (MaskedSum, Copy, CopyMasking, CopyComputeMask):
        layer = L()
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            out = layer(e)
        print(
            f"  {L.__name__:16} supports_masking={layer.supports_masking!s:5} "
            f"output mask={mask_of(out)}"
        )
        if L is MaskedSum:
            seen = layer.seen.numpy().astype(int).tolist()
            print(f"    mask seen in call: {seen} | output: {out.numpy().ravel()}")
        for w in caught:
            print(f"    {w.category.__name__}: {w.message}")
        assert (mask_of(out) is None) == (L in (MaskedSum, Copy))
        assert (len(caught) == 1) == (K is keras and L is Copy)

# %% [markdown] lang="zh"
# ## 不支持掩码的层会怎样？
#
# 上面的 `Copy` 已经说明：两个版本都**不报错**，掩码在这一层被丢掉，下游再也看不到。
# 区别只在于 Keras 3 会发一条 `UserWarning`，tf_keras 一声不吭。
#
# 后果是下游的结果悄悄变了。`GlobalAveragePooling1D` 支持掩码，只对有效步求平均。
# 编号 `[3, 5, 0, 0]` 和 `[7, 0, 0, 0]` 嵌入成自身的值，有掩码时平均是 4 和 7；
# 中间隔了一个 `Copy`，掩码丢了，填充也被算进平均，结果变成 2 和 1.75：
# %% [markdown] lang="en"
# ## What happens at a layer without mask support?
#
# `Copy` above already shows it: neither version **raises**. The mask is dropped at that layer and
# no layer downstream sees it. The only difference: Keras 3 emits a `UserWarning`, tf_keras says
# nothing.
#
# The result downstream silently changes. `GlobalAveragePooling1D` supports masks and averages
# over the valid steps only. Ids `[3, 5, 0, 0]` and `[7, 0, 0, 0]` embed to their own value, so
# with the mask the averages are 4 and 7; with a `Copy` in between, the mask is gone, the padding
# is averaged in, and the result becomes 2 and 1.75:

# %%
for name, K in VERSIONS.items():
    _, Copy, CopyMasking, _ = make_mask_layers(K)
    emb = K.layers.Embedding(
        10,
        1,
        mask_zero=True,
        embeddings_initializer=K.initializers.Constant(np.arange(10.0)[:, None]),
    )
    pool = K.layers.GlobalAveragePooling1D()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        direct = pool(emb(ids)).numpy().ravel()
        through_masking = pool(CopyMasking()(emb(ids))).numpy().ravel()
        through_copy = pool(Copy()(emb(ids))).numpy().ravel()
    print(
        f"{name:8} direct {direct} | via CopyMasking {through_masking} | "
        f"via Copy {through_copy} | warnings: {len(caught)}"
    )
    assert np.allclose(direct, [4, 7]) and np.allclose(through_masking, [4, 7])
    assert np.allclose(through_copy, [2, 1.75])

# %% [markdown] lang="zh"
# tf_keras 源码里其实有一句 `TypeError`：“does not support masking, but was passed an input_mask”。
# 但它只在你**亲自**调用一个不支持掩码的层的 `compute_mask` 并传入掩码时才抛出，
# 正常调用层时不会走到。Keras 3 的默认 `compute_mask` 则直接把掩码原样返回：
# %% [markdown] lang="en"
# tf_keras' source does contain a `TypeError`: "does not support masking, but was passed an
# input_mask". It is raised only when you call `compute_mask` **yourself** on a layer without mask
# support and pass a mask; a normal layer call never gets there. Keras 3's default `compute_mask`
# simply returns the mask it was given:

# %%
mask = tf.constant(ids != 0)
for name, K in VERSIONS.items():
    _, Copy, _, _ = make_mask_layers(K)
    layer = Copy()
    if K is tf_keras:
        with expect(TypeError, "does not support masking, but was passed an input_mask"):
            layer.compute_mask(ids, mask)
    else:
        returned = layer.compute_mask(ids, mask)
        print(
            name, "Copy().compute_mask(ids, mask) returns:", returned.numpy().astype(int).tolist()
        )
        assert returned is mask

# %% [markdown] lang="zh"
# ## 循环层跳过填充步 {#rnn-skips-padding}
#
# 掩码最常见的用户是循环层（recurrent layer）：`SimpleRNN`、`GRU`、`LSTM`。
# 它们支持掩码，掩码为 `False` 的时间步不参与计算。所以一个序列在末尾补了 0，只要掩码跟着，
# 最后的输出就和没补的短序列完全一样。
#
# 下面 `[3, 5, 0, 0]` 是 `[3, 5]` 在末尾补两个 0。同一个循环层（同一组权重）处理三种输入：
# 短序列、带掩码的补齐序列、去掉掩码的补齐序列（`tf.identity` 返回的新张量不带 `_keras_mask`）。
# 初始化器都给了固定种子；输出保留三位小数。
# %% [markdown] lang="en"
# ## Recurrent layers skip padded steps {#rnn-skips-padding}
#
# The most common consumers of masks are the recurrent layers: `SimpleRNN`, `GRU`, `LSTM`. They
# support masks: a time step whose mask is `False` takes no part in the computation. So when a
# sequence is padded with zeros at the end, and the mask comes along, the final output is exactly
# that of the short, unpadded sequence.
#
# Below, `[3, 5, 0, 0]` is `[3, 5]` padded with two zeros. One recurrent layer (one set of weights)
# processes three inputs: the short sequence, the padded sequence with its mask, and the padded
# sequence without it (`tf.identity` returns a new tensor without `_keras_mask`). All initializers
# have fixed seeds; outputs are printed to three decimals.


# %%
unpadded, padded = np.array([[3, 5]]), np.array([[3, 5, 0, 0]])


def seeded_rnn(K, RNN):
    """A recurrent layer with 2 units and seeded initializers."""
    return RNN(
        2,
        kernel_initializer=K.initializers.GlorotUniform(seed=2),
        recurrent_initializer=K.initializers.Orthogonal(seed=3),
    )


def r3(t):
    """A layer output as a flat list, rounded to 3 decimals."""
    return np.asarray(t, dtype=np.float64).round(3).ravel().tolist()


for name, K in VERSIONS.items():
    uniform = K.initializers.RandomUniform(-1, 1, seed=1)
    emb = K.layers.Embedding(10, 2, mask_zero=True, embeddings_initializer=uniform)
    for RNN in (K.layers.SimpleRNN, K.layers.GRU, K.layers.LSTM):
        rnn = seeded_rnn(K, RNN)
        short = rnn(emb(unpadded)).numpy()
        masked = rnn(emb(padded)).numpy()
        unmasked = rnn(tf.identity(emb(padded))).numpy()
        print(
            f"{name:8} {RNN.__name__:9} [3, 5]: {r3(short)} | "
            f"[3, 5, 0, 0] with mask: {r3(masked)} | without: {r3(unmasked)}"
        )
        assert np.allclose(masked, short, atol=1e-6)
        assert not np.allclose(unmasked, short, atol=1e-3)

# %% [markdown] lang="zh"
# 两个版本、三种循环层都一样：带掩码时，补上的两步被跳过；掩码一丢，0 的嵌入向量也被当成输入算进去，输出就变了。
#
# ## `Masking` 层 {#masking-layer}
#
# 输入不是编号、而是已经成形的特征向量时，没有 `Embedding` 来产生掩码，这时用 `Masking(mask_value=0.0)`：
# 某一步的所有特征都等于 `mask_value`，这一步就标成 `False`。下面两步真实数据后面补了两步全 0：
# %% [markdown] lang="en"
# Both versions, all three recurrent layers agree: with the mask, the two padded steps are
# skipped; without it, the embedding vector of id 0 is processed like any input, and the output
# changes.
#
# ## The `Masking` layer {#masking-layer}
#
# When the input is already feature vectors rather than ids, there is no `Embedding` to make a
# mask. `Masking(mask_value=0.0)` makes one: a step whose features all equal `mask_value` is marked
# `False`. Below, two steps of real data are followed by two all-zero steps:

# %%
features = np.array([[[1.0, 2.0], [3.0, 4.0], [0.0, 0.0], [0.0, 0.0]]], dtype="float32")
for name, K in VERSIONS.items():
    masked_features = K.layers.Masking(mask_value=0.0)(features)
    gru = seeded_rnn(K, K.layers.GRU)
    short = gru(features[:, :2]).numpy()
    via_masking = gru(masked_features).numpy()
    print(
        f"{name:8} Masking mask: {mask_of(masked_features)} | "
        f"GRU on the 2 real steps: {r3(short)} | on all 4 after Masking: {r3(via_masking)}"
    )
    assert mask_of(masked_features) == [[1, 1, 0, 0]]
    assert np.allclose(via_masking, short, atol=1e-6)

# %% [markdown] lang="zh"
# ## 显式传入 `mask=` {#explicit-mask}
#
# 掩码也可以自己给：`layer(x, mask=m)`。`x` 上没挂掩码时，层就用 `m`；
# `x` 上已经挂了掩码，显式传入的 `m` 优先。下面第一次调用给不带掩码的 `features` 传 `[1, 1, 0, 0]`；
# 第二次给 `Masking` 的输出（挂着 `[1, 1, 0, 0]`）传 `[1, 0, 0, 0]`，结果等于只处理第一步。
# %% [markdown] lang="en"
# ## Passing `mask=` explicitly {#explicit-mask}
#
# You can also give the mask yourself: `layer(x, mask=m)`. If `x` carries no mask, the layer uses
# `m`; if `x` already carries one, the explicit `m` wins. Below, the first call passes
# `[1, 1, 0, 0]` with the mask-free `features`; the second passes `[1, 0, 0, 0]` with the output
# of `Masking` (which carries `[1, 1, 0, 0]`), and the result equals processing the first step
# alone.

# %%
two_steps = tf.constant([[True, True, False, False]])
one_step = tf.constant([[True, False, False, False]])
for name, K in VERSIONS.items():
    gru = seeded_rnn(K, K.layers.GRU)
    short, first = gru(features[:, :2]), gru(features[:, :1])
    explicit = gru(features, mask=two_steps)
    overridden = gru(K.layers.Masking(mask_value=0.0)(features), mask=one_step)
    print(name)
    print(f"  mask=[1, 1, 0, 0]:               {r3(explicit)} | 2 real steps: {r3(short)}")
    print(f"  Masking, then mask=[1, 0, 0, 0]: {r3(overridden)} | first step alone: {r3(first)}")
    assert np.allclose(explicit, short, atol=1e-6)
    assert np.allclose(overridden, first, atol=1e-6)

# %% [markdown] lang="zh"
# ## 图模式里的掩码
#
# 在图里，`_keras_mask` 是一个普通的符号张量（`ids != 0` 对应的 `NotEqual` 操作），
# 可以像别的张量一样在 `Session` 里取回，得到 numpy 布尔数组：
# %% [markdown] lang="en"
# ## Masks in graph mode
#
# In a graph, `_keras_mask` is an ordinary symbolic tensor (a `NotEqual` op for `ids != 0`) and
# can be fetched in a `Session` like any other tensor, giving a numpy bool array:

# %%
for name, K in VERSIONS.items():
    with graph().as_default():
        ids_in = tf.compat.v1.placeholder(tf.int32, [None, 4], name="ids")
        e = K.layers.Embedding(10, 1, mask_zero=True)(ids_in)
        print(name, e._keras_mask)
        with tf.compat.v1.Session() as sess:
            sess.run(tf.compat.v1.global_variables_initializer())
            fetched = sess.run(e._keras_mask, {ids_in: ids})
    print("  fetched:", type(fetched).__name__, fetched.dtype, fetched.astype(int).tolist())
    assert np.array_equal(fetched, ids != 0)

# %% [markdown] lang="zh"
# ## 小结
#
# - `Embedding(mask_zero=True)` 的掩码挂在输出的 `_keras_mask` 上；`call` 声明了 `mask` 参数就会自动收到它；
#   重写 `compute_mask` 或设 `supports_masking = True` 才能把掩码往下传。
# - 不支持掩码的层会丢掉掩码，两个版本都不报错（Keras 3 只发警告），下游结果悄悄改变。
# - 循环层按掩码跳过填充步：末尾补齐的序列和没补齐的短序列输出相同。
#   特征向量序列用 `Masking(mask_value=...)` 产生掩码；也可以直接 `layer(x, mask=m)`，显式的掩码优先。
# - `call` 在什么情况下收到 `mask`（包括多个输入时的 `<参数名>_mask`），
#   见[层的生命周期](layer-lifecycle.md#call-arguments)。
# %% [markdown] lang="en"
# ## Summary
#
# - The mask of `Embedding(mask_zero=True)` rides on the output's `_keras_mask`; a `call` that
#   declares `mask` receives it automatically; only overriding `compute_mask` or setting
#   `supports_masking = True` passes it further down.
# - A layer without mask support drops the mask. Neither version raises (Keras 3 only warns), and
#   the results downstream silently change.
# - Recurrent layers skip masked steps: a sequence padded at the end gives the same output as the
#   short one. For sequences of feature vectors, `Masking(mask_value=...)` makes the mask; or pass
#   it yourself with `layer(x, mask=m)`, which wins over an attached mask.
# - When exactly `call` receives `mask` (including `<arg>_mask` with several inputs): see
#   [Layer lifecycle](layer-lifecycle.md#call-arguments).
