# %% [markdown] lang="zh"
# # 层的生命周期：`__init__`、`__call__`、`build`、`call`
#
# 一个自定义 Keras 层牵涉四个方法，可留给你调用的入口只有一个：`__call__`，也就是 `layer(x)`。
# 本页逐一运行，看清楚每个方法什么时候被调用、拿到的是什么参数，
# 并且把 TF 2.21 自带的 Keras 3 和旧版 Keras 2（`tf_keras` 包）放在一起对比。
#
# | 问题 | Keras 3（`tf.keras` / `keras`） | Keras 2（`tf_keras`） |
# |---|---|---|
# | `build` 什么时候运行 | 第一次 `__call__` 时，只运行一次 | 相同 |
# | [`build` 收到的 `input_shape`](layer-weights.md#input-shape) | `tuple`，例如 `(None, 5)` | `TensorShape([None, 5])` |
# | [`call` 收到 `training`、`mask`](#call-arguments) | 仅当 `call` 的签名声明了它们；`**kwargs` 什么也收不到 | 声明了才收到；`**kwargs` 也收得到 |
# | [多个张量参数的掩码](#call-arguments) | 填进 `a_mask`、`b_mask` 这样的参数；`mask` 是 `None` | `mask` 只收到第一个参数的掩码 |
# | [没有 `build` 但有子层，第一次调用](#call-runs-twice) | `call` 运行**两次**：先在临时图里，再真正运行 | 一次 |
# | 未构建就调用 `layer.call(x)` | `AttributeError`，`build` 从没运行 | 相同 |
# | 自己调用 `layer.build(shape)` | `built` 自动变成 `True` | `built` 仍是 `False`，第一次调用时**再构建一次** |
# | [`super().__init__()` 之前](#super-init-first) | `add_weight` 报 `RuntimeError`；把子层赋给 `self` 可以 | `add_weight` 报 `AttributeError`；把子层赋给 `self` 可以 |
#
# `build` 收到的 `input_shape`、`add_weight` 的参数、权重的名字和类型、在 `__init__` 里创建权重，
# 见[层的权重](layer-weights.md)。
# %% [markdown] lang="en"
# # Layer lifecycle: `__init__`, `__call__`, `build`, `call`
#
# A custom Keras layer has four methods, but Keras gives you only one entry point: `__call__`.
# This page runs each step to show when each method is called and what it receives. Every
# behaviour is compared between Keras 3 (which ships with TF 2.21) and legacy Keras 2 (the
# `tf_keras` package).
#
# | Question | Keras 3 (`tf.keras` / `keras`) | Keras 2 (`tf_keras`) |
# |---|---|---|
# | When does `build` run | on the first `__call__`, once | same |
# | [`input_shape` received by `build`](layer-weights.md#input-shape) | a `tuple`, e.g. `(None, 5)` | `TensorShape([None, 5])` |
# | [`call` receives `training`, `mask`](#call-arguments) | only if `call`'s signature declares them; `**kwargs` gets nothing | only if declared; `**kwargs` gets them too |
# | [Masks of several tensor arguments](#call-arguments) | filled into parameters such as `a_mask`, `b_mask`; `mask` is `None` | `mask` gets the first argument's mask only |
# | [No `build` but sublayers: the first call](#call-runs-twice) | `call` runs **twice**: in a scratch graph, then for real | once |
# | `layer.call(x)` before the layer is built | `AttributeError`: `build` never ran | same |
# | Calling `layer.build(shape)` yourself | `built` becomes `True` | `built` stays `False`; the first call **builds again** |
# | [Before `super().__init__()`](#super-init-first) | `add_weight` raises `RuntimeError`; assigning a sublayer to `self` works | `add_weight` raises `AttributeError`; assigning a sublayer to `self` works |
#
# The `input_shape` that `build` receives, `add_weight`'s arguments, weight names and types, and
# weights created in `__init__`: see [Layer weights](layer-weights.md).

# %% [markdown] lang="zh"
# ## 准备
#
# 同一个内核里可以同时导入两个版本：`keras` 就是 Keras 3（和 `tf.keras` 是同一套类），
# `tf_keras` 是旧版 Keras 2，也就是设置 `TF_USE_LEGACY_KERAS=1` 时 `tf.keras` 会指向的包。
# 本页一直开着即时执行（eager execution）；需要图模式（graph mode）时用
# `with tf.Graph().as_default():` 临时建一张图。
# %% [markdown] lang="en"
# ## Setup
#
# Both versions can live in one kernel: `keras` is Keras 3 (the same classes as `tf.keras`), and
# `tf_keras` is legacy Keras 2, the package `tf.keras` would point to with
# `TF_USE_LEGACY_KERAS=1`. Eager execution stays on for the whole page; where graph mode is
# needed, a `with tf.Graph().as_default():` block builds a temporary graph.

# %%
import os

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"

import numpy as np
import tensorflow as tf

tf.keras.utils.set_random_seed(0)
np.random.seed(0)

import keras
import tf_keras

tf_keras.utils.set_random_seed(0)

print("TensorFlow", tf.__version__)
print("keras", keras.__version__, "| tf_keras", tf_keras.__version__)
print("tf.keras.layers.Layer is keras.layers.Layer:", tf.keras.layers.Layer is keras.layers.Layer)
print("executing eagerly:", tf.executing_eagerly())
assert tf.keras.layers.Layer is keras.layers.Layer
assert tf_keras.layers.Layer is not keras.layers.Layer

# %% [markdown] lang="zh"
# ## 四个方法各管什么
#
# - `__init__(self, ...)`：保存配置（比如输出维度），创建子层。此时还不知道输入的形状。
# - `build(self, input_shape)`：用 `add_weight` 创建依赖输入形状的权重（weight）。
# - `call(self, inputs)`：真正的计算。
# - `__call__(self, inputs)`：Keras 基类实现的入口，你不去重写它。
#   写 `layer(x)` 就是调用它；它在层还没构建时先调用 `build`，再调用 `call`。
#
# 下面这个层把每次构建（`build`）都记下来：`build_calls` 是计数器，
# `seen_shape` 保存 `build` 收到的参数。同一段代码分别继承两个版本的 `Layer`，
# 得到 `Lin3`（Keras 3）和 `Lin2`（Keras 2）。
# %% [markdown] lang="en"
# ## Who does what
#
# - `__init__(self, ...)`: store the configuration (such as the number of units) and create
#   sublayers. The input shape is not known yet.
# - `build(self, input_shape)`: create the weights that depend on the input shape, with
#   `add_weight`.
# - `call(self, inputs)`: the actual computation.
# - `__call__(self, inputs)`: the entry point implemented by the Keras base class; you do not
#   override it. Writing `layer(x)` calls it. If the layer is not built yet, it runs `build` first,
#   then `call`.
#
# The layer below records every build: `build_calls` counts them and `seen_shape` keeps the
# argument `build` received. The same code subclasses each version's `Layer`, giving `Lin3`
# (Keras 3) and `Lin2` (Keras 2).


# %%
def make_lin(base, end_with_super_build=False):
    class Lin(base):
        def __init__(self, units, **kwargs):
            super().__init__(**kwargs)
            self.units = units
            self.build_calls = 0
            self.seen_shape = None

        def build(self, input_shape):
            self.build_calls += 1
            self.seen_shape = input_shape
            print(f"  build #{self.build_calls}: {type(input_shape).__name__} {input_shape!r}")
            self.w = self.add_weight(
                shape=(input_shape[-1], self.units), initializer="ones", name="w"
            )
            self.b = self.add_weight(shape=(self.units,), initializer="zeros", name="b")
            if end_with_super_build:  # used in "Calling build yourself"
                super().build(input_shape)

        def call(self, inputs):
            return tf.matmul(inputs, self.w) + self.b

    return Lin


Lin3 = make_lin(keras.layers.Layer)
Lin2 = make_lin(tf_keras.layers.Layer)
VERSIONS = [("Keras 3", keras, Lin3), ("tf_keras", tf_keras, Lin2)]

# %% [markdown] lang="zh"
# ## `build` 只在第一次 `__call__` 时运行
#
# 创建层时 `build` 没有运行，`built` 是 `False`，也还没有权重。
# 连续调用三次，`build` 只运行一次：
# %% [markdown] lang="en"
# ## `build` runs once, on the first `__call__`
#
# Creating the layer does not run `build`: `built` is `False` and there are no weights yet. Call
# the layer three times and `build` runs once:

# %%
x = tf.ones((3, 4))
for version, _, Lin in VERSIONS:
    print(version)
    layer = Lin(2, name="lin")
    print("  before the first call: built =", layer.built, "| weights =", layer.weights)
    assert not layer.built and layer.build_calls == 0 and layer.weights == []
    for _ in range(3):
        y = layer(x)
    print("  after 3 calls: build_calls =", layer.build_calls, "| built =", layer.built)
    print("  output:", y.shape, y.dtype.name)
    assert layer.build_calls == 1 and layer.built and y.shape == (3, 2)

# %% [markdown] lang="zh"
# 形状只在第一次调用时定下来。之后换一个特征维度（4 变成 5）来调用，`build` 不会重新运行，
# 旧权重的形状对不上，矩阵乘法报错。两个版本都是 `InvalidArgumentError`，
# 都在消息前面加了一句，说明是调用哪个层时出的错：Keras 3 写类名（`Lin.call()`），
# tf_keras 写层名和类名（`'lin' (type Lin)`）。
#
# 消息中间 `{{function_node ...}}` 里是 TensorFlow 内部执行这个操作的函数名，它随机器而变：
# 本页是关闭 oneDNN、只有 CPU 时的结果，写作 `__wrapped__MatMul_device_…CPU:0`；
# 打开 oneDNN 时（较新的 Intel、AMD CPU 上默认打开）是 `__wrapped____MklMatMul_device_…`，
# 在 GPU 上运行时设备（device）是 `GPU:0`。下面的检查只看不变的那一段 `Matrix size-incompatible`。
# %% [markdown] lang="en"
# The shape is fixed by the first call. Call the layer again with a different number of features
# (5 instead of 4): `build` does not run again, the old weight does not fit, and the matrix
# multiplication fails. Both versions raise `InvalidArgumentError`, each prefixed with a line
# saying which layer was being called: Keras 3 names the class (`Lin.call()`), tf_keras the layer
# and its class (`'lin' (type Lin)`).
#
# The `{{function_node ...}}` part in the middle of the message names the internal function that
# ran the op, and it depends on the machine: this page, built with oneDNN off and CPU only, shows
# `__wrapped__MatMul_device_…CPU:0`; with oneDNN on (the default on recent Intel and AMD CPUs) it
# reads `__wrapped____MklMatMul_device_…`, and on a GPU the device is `GPU:0`. The checks below
# look only at the part that does not change, `Matrix size-incompatible`.

# %%
for version, _, Lin in VERSIONS:
    print(version)
    layer = Lin(2, name="lin")
    layer(tf.ones((3, 4)))
    with expect(tf.errors.InvalidArgumentError, "Matrix size-incompatible"):
        layer(tf.ones((3, 5)))
    print("  build_calls =", layer.build_calls)
    assert layer.build_calls == 1

# %% [markdown] lang="zh"
# ## `call` 收到什么 {#call-arguments}
#
# `__call__` 调用 `call` 时，除了输入，还可能带上两个保留的关键字参数：
# `training` 说明是训练模式（training mode）还是推理模式（inference mode），`mask` 是掩码。
# 但它只传 `call` 的签名里**写出来**的那几个。签名里没有 `training`，
# 你照样可以写 `layer(x, training=True)`：不报错，这个值直接被丢掉。
#
# 下面几个探针层把 `call` 收到的关键字参数记在 `received` 里。输入来自
# `Embedding(mask_zero=True)`，带着掩码；每个层都用 `layer(e, training=True)` 调用。
# 探针层设了 `supports_masking = True`，把掩码原样往下传，免得 Keras 3 警告掩码被丢掉
# （见[掩码](masking.md)）。
# %% [markdown] lang="en"
# ## What `call` receives {#call-arguments}
#
# When `__call__` calls `call`, it may pass two reserved keyword arguments besides the inputs:
# `training` (training or inference mode) and `mask`. But it passes only those that `call`'s
# signature **names**. Without `training` in the signature you can still write
# `layer(x, training=True)`: nothing complains, and the value is simply dropped.
#
# The probe layers below record the keyword arguments their `call` receives in `received`. The
# input comes from `Embedding(mask_zero=True)` and carries a mask; every layer is called as
# `layer(e, training=True)`. The probes set `supports_masking = True` so the mask passes through,
# and Keras 3 does not warn that it was dropped (see [masks](masking.md)).


# %%
def show(value):
    """Masks as 0/1 lists; everything else as it is."""
    if isinstance(value, dict):
        return {k: show(v) for k, v in value.items()}
    if tf.is_tensor(value):
        return value.numpy().astype(int).tolist()
    return value


def make_probes(base):
    class Probe(base):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.supports_masking = True

    class OnlyInputs(Probe):
        def call(self, inputs):
            self.received = {}
            return inputs

    class WithTraining(Probe):
        def call(self, inputs, training=None):
            self.received = {"training": training}
            return inputs

    class WithBoth(Probe):
        def call(self, inputs, training=None, mask=None):
            self.received = {"training": training, "mask": mask}
            return inputs

    class WithKwargs(Probe):
        def call(self, inputs, **kwargs):
            self.received = kwargs
            return inputs

    return OnlyInputs, WithTraining, WithBoth, WithKwargs


ids = np.array([[3, 0]])  # id 0 is padding: mask [[1, 0]]
received = {}
for version, K, _ in VERSIONS:
    e = K.layers.Embedding(10, 1, mask_zero=True)(ids)
    print(version)
    for Probe in make_probes(K.layers.Layer):
        layer = Probe()
        layer(e, training=True)
        received[version, Probe.__name__] = show(layer.received)
        print(f"  {Probe.__name__:12} call received {received[version, Probe.__name__]}")

both = {"training": True, "mask": [[1, 0]]}
for version in ("Keras 3", "tf_keras"):
    assert received[version, "OnlyInputs"] == {}
    assert received[version, "WithTraining"] == {"training": True}
    assert received[version, "WithBoth"] == both
assert received["Keras 3", "WithKwargs"] == {} and received["tf_keras", "WithKwargs"] == both

# %% [markdown] lang="zh"
# 两个版本都只传签名里写出来的参数；没写的，连显式给的 `training=True` 也不传。
# 区别在 `**kwargs`：tf_keras 把 `training` 和 `mask` 都放进去，Keras 3 什么也不放。
# 所以 Keras 3 里想收到它们，就得在签名里把名字写出来。
#
# `call` 有几个张量参数时，掩码的传法也不一样。Keras 3 给每个张量参数单独找掩码：
# 签名里有 `a_mask`、`b_mask`，就分别收到 `a`、`b` 的掩码，`mask` 收到的是 `None`。
# tf_keras 不认 `<参数名>_mask`，只把第一个参数 `a` 的掩码交给 `mask`。
# 下面 `a` 的掩码是 `[[1, 0]]`，`b` 的是 `[[1, 1]]`：
# %% [markdown] lang="en"
# Both versions pass only what the signature names; anything else, even an explicit
# `training=True`, is left out. The difference is `**kwargs`: tf_keras puts `training` and `mask`
# in it, Keras 3 puts nothing. So in Keras 3, to receive them, name them in the signature.
#
# With several tensor arguments, masks are passed differently too. Keras 3 looks up a mask for
# each tensor argument: a signature with `a_mask` and `b_mask` receives the masks of `a` and `b`,
# and `mask` gets `None`. tf_keras knows nothing of `<arg>_mask` and gives `mask` the mask of the
# first argument, `a`, only. Below, `a`'s mask is `[[1, 0]]` and `b`'s is `[[1, 1]]`:


# %%
def make_pair(base):
    class Pair(base):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.supports_masking = True

        def call(self, a, b, mask=None, a_mask=None, b_mask=None):
            self.received = {"mask": mask, "a_mask": a_mask, "b_mask": b_mask}
            return a + b

    return Pair


for version, K, _ in VERSIONS:
    emb = K.layers.Embedding(10, 1, mask_zero=True)
    pair = make_pair(K.layers.Layer)()
    pair(emb(np.array([[3, 0]])), emb(np.array([[4, 5]])))
    print(f"{version:8} call(self, a, b, mask, a_mask, b_mask) received {show(pair.received)}")
    if K is keras:
        assert show(pair.received) == {"mask": None, "a_mask": [[1, 0]], "b_mask": [[1, 1]]}
    else:
        assert show(pair.received) == {"mask": [[1, 0]], "a_mask": None, "b_mask": None}

# %% [markdown] lang="zh"
# ## 直接调用 `layer.call(x)` 会怎样 {#calling-call-directly}
#
# `call` 只是一个普通方法。直接调用它就绕过了 `__call__`，也就没有人去调用 `build`。
# 层还没构建时，`call` 要用的权重根本不存在：
# %% [markdown] lang="en"
# ## What `layer.call(x)` does {#calling-call-directly}
#
# `call` is an ordinary method. Calling it directly bypasses `__call__`, so nobody runs `build`.
# Before the layer is built, the weights `call` needs do not exist:

# %%
for version, _, Lin in VERSIONS:
    print(version)
    layer = Lin(2, name="lin")
    with expect(AttributeError, "'Lin' object has no attribute 'w'"):
        layer.call(x)
    print("  build_calls =", layer.build_calls, "| built =", layer.built)
    assert layer.build_calls == 0 and not layer.built

# %% [markdown] lang="zh"
# 内置的 `Dense` 也一样会失败，只是消息不同：Keras 3 的 `kernel` 是一个属性（property），
# 会告诉你先构建；Keras 2 只说没有这个属性。
# %% [markdown] lang="en"
# The built-in `Dense` fails too, with different messages: in Keras 3 `kernel` is a property that
# tells you to build the layer first; Keras 2 just says the attribute does not exist.

# %%
with expect(AttributeError, "You must build the layer before accessing `kernel`"):
    keras.layers.Dense(2, name="dense").call(x)
with expect(AttributeError, "'Dense' object has no attribute 'kernel'"):
    tf_keras.layers.Dense(2, name="dense").call(x)

# %% [markdown] lang="zh"
# 层构建好以后，`call` 能运行了，但它仍然跳过了 `__call__` 做的其他事情。
# 一个看得见的例子是输入类型转换：`__call__` 会把 `float64` 输入转成层的计算类型 `float32`。
# Keras 3 的 `Dense.call` 自己不转换，所以直接调用 `call` 得到的是 `float64`；
# Keras 2 的 `Dense.call` 里自己又转换了一次，结果仍是 `float32`。
# `training` 参数、掩码（`mask`）的传递也在 `__call__` 里，见 [`training` 参数](training-mode.md)和[掩码](masking.md)。
# %% [markdown] lang="en"
# Once the layer is built, `call` runs, but it still skips everything else `__call__` does. A
# visible example is input casting: `__call__` casts a `float64` input to the layer's compute dtype
# `float32`. Keras 3's `Dense.call` does not cast, so calling `call` directly returns `float64`;
# Keras 2's `Dense.call` casts again by itself, so the result stays `float32`. Passing on the
# `training` argument and the `mask` also happens in `__call__`; see
# [the `training` argument](training-mode.md) and [masks](masking.md).

# %%
dense3 = keras.layers.Dense(2, name="dense")
dense2 = tf_keras.layers.Dense(2, name="dense")
dense3(x)
dense2(x)
x64 = tf.ones((3, 4), dtype=tf.float64)
for version, dense in [("Keras 3", dense3), ("tf_keras", dense2)]:
    print(f"{version:8} __call__: {dense(x64).dtype.name} | call: {dense.call(x64).dtype.name}")
assert dense3(x64).dtype == tf.float32 and dense3.call(x64).dtype == tf.float64
assert dense2.call(x64).dtype == tf.float32

# %% [markdown] lang="zh"
# 填 `training` 和 `mask` 的也是 `__call__`（见[`call` 收到什么](#call-arguments)）。
# 绕过它，`call` 就只拿到签名里的默认值：输入 `e` 明明带着掩码，`mask` 却是 `None`。
# %% [markdown] lang="en"
# Filling in `training` and `mask` is `__call__`'s job too (see
# [What `call` receives](#call-arguments)). Bypass it and `call` gets only its signature's
# defaults: the input `e` carries a mask, yet `mask` is `None`.

# %%
for version, K, _ in VERSIONS:
    e = K.layers.Embedding(10, 1, mask_zero=True)(ids)
    probe = make_probes(K.layers.Layer)[2]()  # WithBoth: call(self, inputs, training, mask)
    probe(e)
    via_dunder = show(probe.received)
    probe.call(e)
    print(f"{version:8} probe(e): {via_dunder} | probe.call(e): {show(probe.received)}")
    assert via_dunder["mask"] == [[1, 0]]
    assert show(probe.received) == {"training": None, "mask": None}

# %% [markdown] lang="zh"
# ## 自己调用 `build` {#calling-build-yourself}
#
# 有时需要不经过数据就把层建好，于是直接调用 `layer.build(input_shape)`。
# 这里两个版本差别很大：
#
# - Keras 3 包装了每个子类的 `build`，运行完自动把 `built` 设成 `True`。
# - Keras 2 只在两个地方设置 `built`：`__call__` 里，以及基类的 `Layer.build` 里。
#   自己调用 `build`，而 `build` 里又没调用
#   `super().build(input_shape)`，`built` 就还是 `False`。第一次 `__call__` 会再构建一次，
#   新权重顶替了旧权重。
# %% [markdown] lang="en"
# ## Calling `build` yourself {#calling-build-yourself}
#
# Sometimes you want a layer built without feeding data, so you call `layer.build(input_shape)`.
# Here the two versions differ a lot:
#
# - Keras 3 wraps every subclass's `build` and sets `built = True` when it returns.
# - Keras 2 sets `built` in only two places: inside `__call__`, and in the base `Layer.build`.
#   If you call `build` yourself and your `build` does not call `super().build(input_shape)`,
#   `built` stays `False`. The first `__call__` builds
#   again, and new weights replace the old ones.

# %%
for version, K, Lin in VERSIONS:
    print(version)
    layer = Lin(2, name="lin")
    layer.build((None, 4))
    first_w = layer.w
    print("  after build():  built =", layer.built, "| weights:", [w.name for w in layer.weights])
    layer(x)
    print("  after layer(x): built =", layer.built, "| weights:", [w.name for w in layer.weights])
    print("  build_calls =", layer.build_calls, "| same w as before:", layer.w is first_w)
    if K is keras:
        assert layer.build_calls == 1 and layer.w is first_w
    else:
        assert layer.build_calls == 2 and layer.w is not first_w
        assert [w.name for w in layer.weights] == ["lin/w:0", "lin/b:0"]

# %% [markdown] lang="zh"
# 在 Keras 2 里，第一次构建发生在 `__call__` 之外，没有层名作用域，权重叫 `w:0`；
# 第二次在 `__call__` 里，叫 `lin/w:0`。旧的 `w:0` 被替换掉，不再出现在 `weights` 里。
# 另外，自己调用时 `build` 收到的就是你传进去的东西：这里是 `tuple`，不是 `TensorShape`。
#
# 修正办法：在 `build` 的末尾调用 `super().build(input_shape)`，基类的 `build` 会设置
# `built = True`。`make_lin` 的 `end_with_super_build` 开关就是做这件事的。这个写法在两个版本里都能运行：
# %% [markdown] lang="en"
# In Keras 2, the first build ran outside `__call__`, without the layer's name scope, so the
# weight is called `w:0`; the second ran inside `__call__` and is called `lin/w:0`. The old `w:0`
# was replaced and no longer appears in `weights`. Also, when you call `build` yourself it gets
# exactly what you pass: here a `tuple`, not a `TensorShape`.
#
# The fix: end `build` with `super().build(input_shape)`; the base class's `build` sets
# `built = True`. The `end_with_super_build` switch of
# `make_lin` does exactly that. It works in both versions:

# %%
for version, K, _ in VERSIONS:
    print(version)
    layer = make_lin(K.layers.Layer, end_with_super_build=True)(2, name="lin")
    layer.build((None, 4))
    print("  after build(): built =", layer.built)
    layer(x)
    print("  after __call__: build_calls =", layer.build_calls)
    assert layer.built and layer.build_calls == 1

# %% [markdown] lang="zh"
# ## 没有 `build` 的模型：第一次调用时 `call` 运行两次 {#call-runs-twice}
#
# 在 `call` 里加一行 `print` 来调试，再自然不过。但在 Keras 3 里，一个没写 `build`、
# 在 `__init__` 里建了子层的模型，第一次调用时会打印**两行**。`where_call_runs()`
# 说明 `call` 在哪里运行：即时执行、Keras 的某张临时图（按图的名字），还是你自己建的图。
# %% [markdown] lang="en"
# ## A model without `build`: `call` runs twice on the first call {#call-runs-twice}
#
# A `print` in `call` is the most natural way to debug it. But in Keras 3, a model that has no
# `build` and creates a sublayer in `__init__` prints **two** lines on its first call.
# `where_call_runs()` says where `call` is running: eagerly, in one of Keras's scratch graphs (by
# the graph's name), or in a graph of your own.


# %%
def where_call_runs():
    if tf.executing_eagerly():
        return "eagerly"
    name = getattr(tf.compat.v1.get_default_graph(), "name", None)  # only a FuncGraph has one
    return f"in {name.rstrip('_0123456789')}" if name else "in your graph"


class Printing(keras.Model):
    def __init__(self):
        super().__init__()
        self.dense = keras.layers.Dense(2)

    def call(self, inputs):
        print("  call runs", where_call_runs())
        return self.dense(inputs)


printing = Printing()
print("first call:")
y = printing(x)
print("second call:")
y = printing(x)

# %% [markdown] lang="zh"
# 原因在 `__call__` 的构建步骤。这个模型没有自己的 `build`，子层 `Dense` 又还没构建，
# Keras 3 不知道子层需要多大的权重，于是先拿同一个输入，在一张临时图（scratch graph，
# 名为 `scratch_graph` 的 `FuncGraph`）里把 `call` 运行一遍：子层在这一遍里构建好，输出丢掉。
# 然后才真正运行 `call`。第二次调用时模型已经构建好，`call` 只运行一次。
#
# 所以第一次调用时，`call` 里的副作用（`print`、计数器、往列表里追加）都会发生两次。
# 下面把三种写法在两个版本、即时执行和图模式下各跑一遍，记录第一次调用时 `call` 在哪里运行：
#
# - `NoBuild`：没有 `build`（就是上面的 `Printing`）。
# - `OwnBuild`：`build` 自己构建子层：`self.dense.build(input_shape)`。
# - `SuperBuild`：`build` 只调用 `super().build(input_shape)`，
#   也就是[自己调用 `build`](#calling-build-yourself)一节给层推荐的收尾写法。
# %% [markdown] lang="en"
# The reason is `__call__`'s build step. This model has no `build` of its own, and its `Dense`
# sublayer is not built yet, so Keras 3 cannot know how big the sublayer's weights are. It first
# runs `call` on the same input in a scratch graph (a `FuncGraph` named `scratch_graph`): the
# sublayer gets built during that run, and the output is thrown away. Then it runs `call` for
# real. On the second call the model is built, and `call` runs once.
#
# So on the first call, every side effect in `call` (a `print`, a counter, appending to a list)
# happens twice. Below, three variants run on both versions, eagerly and in graph mode, recording
# where `call` runs on the first call:
#
# - `NoBuild`: no `build` (the `Printing` model above).
# - `OwnBuild`: a `build` that builds the sublayer: `self.dense.build(input_shape)`.
# - `SuperBuild`: a `build` that only calls `super().build(input_shape)`, the ending recommended
#   for layers in [Calling `build` yourself](#calling-build-yourself).


# %%
def make_recorders(K):
    class NoBuild(K.Model):
        def __init__(self, runs):
            super().__init__()
            self.dense = K.layers.Dense(2)
            self.record = runs.append

        def call(self, inputs):
            self.record(where_call_runs())
            return self.dense(inputs)

    class OwnBuild(NoBuild):
        def build(self, input_shape):
            self.dense.build(input_shape)
            self.built = True

    class SuperBuild(NoBuild):
        def build(self, input_shape):
            super().build(input_shape)

    return NoBuild, OwnBuild, SuperBuild


first_call = {}
for version, K, _ in VERSIONS:
    for Model in make_recorders(K):
        eager_runs, graph_runs = [], []
        Model(eager_runs)(x)
        with tf.Graph().as_default():
            Model(graph_runs)(tf.compat.v1.placeholder(tf.float32, (None, 4)))
        first_call[version, Model.__name__] = eager_runs, graph_runs
        print(f"{version:8} {Model.__name__:10} eager: {eager_runs} | graph: {graph_runs}")

once = ["eagerly"], ["in your graph"]
assert first_call["Keras 3", "NoBuild"] == (
    ["in scratch_graph", "eagerly"],
    ["in scratch_graph", "in your graph"],
)
assert first_call["Keras 3", "OwnBuild"] == first_call["Keras 3", "SuperBuild"] == once
assert first_call["tf_keras", "NoBuild"] == first_call["tf_keras", "OwnBuild"] == once
assert first_call["tf_keras", "SuperBuild"] == (
    ["in build_graph", "eagerly"],
    ["in your graph", "in your graph"],
)

# %% [markdown] lang="zh"
# - Keras 3：只有 `NoBuild` 运行两次，即时执行和图模式都是，第一遍总在 `scratch_graph` 里。
#   写一个构建子层的 `build`，或者像 `SuperBuild` 那样有一个 `build`，Keras 3 就不再试运行，
#   子层在真正的那一遍里构建。
# - tf_keras：`NoBuild` 只运行一次，子层在真正的那一遍里构建。但 `SuperBuild` 运行两次：
#   tf_keras 的 `Model.build(input_shape)` 会拿占位符把 `call` 跑一遍来构建模型，
#   即时执行时在名为 `build_graph` 的临时图里，图模式下就在你的图里。
#   这只是 `Model` 的行为；`Layer.build` 只设置 `built`，不会运行 `call`。
#
# 所以，要让第一次调用只运行一次 `call`，就写一个自己构建子层的 `build`（`OwnBuild`），
# 它在两个版本里都只运行一次。
# %% [markdown] lang="en"
# - Keras 3: only `NoBuild` runs twice, eagerly and in graph mode alike, and the first run is
#   always in `scratch_graph`. With a `build` that builds the sublayer, or with any `build` like
#   `SuperBuild`'s, Keras 3 skips the trial run and the sublayer is built during the real run.
# - tf_keras: `NoBuild` runs once, and the sublayer is built during the real run. But
#   `SuperBuild` runs twice: tf_keras' `Model.build(input_shape)` runs `call` on placeholders to
#   build the model, in a scratch graph named `build_graph` when eager, and in your own graph in
#   graph mode. That is `Model` behaviour only; `Layer.build` just sets `built` and never runs
#   `call`.
#
# So, for a first call that runs `call` once, write a `build` that builds the sublayers
# (`OwnBuild`): it runs once in both versions.

# %% [markdown] lang="zh"
# ## `super().__init__()` 要写在最前面 {#super-init-first}
#
# 在 `__init__` 里也可以创建权重（见[层的权重](layer-weights.md#lazy-vs-eager)）。
# 但在 `super().__init__()` 之前调用 `add_weight`，Keras 3 会给出明确的 `RuntimeError`；
# Keras 2 只报一个内部属性不存在的 `AttributeError`：
# %% [markdown] lang="en"
# ## `super().__init__()` comes first {#super-init-first}
#
# Weights can be created in `__init__` too (see [Layer weights](layer-weights.md#lazy-vs-eager)).
# But calling `add_weight` before `super().__init__()` gets a clear `RuntimeError` from Keras 3;
# Keras 2 only complains that an internal attribute is missing, with an `AttributeError`:


# %%
def make_late_super(base):
    class LateSuper(base):
        def __init__(self):
            self.w = self.add_weight(shape=(2,), name="w")  # before super().__init__()
            super().__init__()

    return LateSuper


with expect(RuntimeError, "you forgot to call `super().__init__()`"):
    make_late_super(keras.layers.Layer)()
with expect(AttributeError, "'LateSuper' object has no attribute '_dtype_policy'"):
    make_late_super(tf_keras.layers.Layer)()

# %% [markdown] lang="zh"
# 只有 `add_weight` 会出错。在 `super().__init__()` 之前把子层赋给 `self`，两个版本都不报错，
# 子层照样被跟踪：第一次调用之后，它的权重出现在外层的 `weights` 里。
# （子类化模型不一样：tf_keras 的 `Model` 在这种赋值时就报 `RuntimeError`，
# 见[子类化模型的常见错误](subclassed-mistakes.md#忘了-super__init__)。）为了不去记哪些能提前做、哪些不能，`super().__init__()` 一律写在第一行。
# %% [markdown] lang="en"
# Only `add_weight` fails. Assigning a sublayer to `self` before `super().__init__()` raises
# nothing in either version, and the sublayer is still tracked: after the first call its weights
# show up in the outer layer's `weights`. (Subclassed models differ: a tf_keras `Model` raises
# `RuntimeError` at such an assignment; see
# [Subclassed models: common mistakes](subclassed-mistakes.md#forgetting-super__init__).) Rather
# than remember what may come first and what may not, put `super().__init__()` on the first line.


# %%
def make_late_sublayer(K):
    class LateSublayer(K.layers.Layer):
        def __init__(self):
            self.inner = K.layers.Dense(2, name="inner")  # before super().__init__()
            super().__init__(name="late")

        def call(self, inputs):
            return self.inner(inputs)

    return LateSublayer


for version, K, _ in VERSIONS:
    late = make_late_sublayer(K)()
    late(x)
    names = [w.path for w in late.weights] if K is keras else [w.name for w in late.weights]
    print(f"{version:8} weights after the first call: {names}")
    assert len(late.weights) == 2 and late.weights[0] is late.inner.kernel

# %% [markdown] lang="zh"
# ## 小结
#
# - 写 `layer(x)`，不要写 `layer.call(x)`：只有 `__call__` 会在第一次调用时运行 `build`，
#   并做输入类型转换等其他工作。
# - `build` 只运行一次；之后换形状调用不会重新构建。
# - `call` 想收到 `training`、`mask`，就在签名里写出它们（Keras 3 不往 `**kwargs` 里放）；
#   有几个张量参数时，Keras 3 用 `<参数名>_mask` 传各自的掩码。
# - Keras 3 里没有 `build` 却有子层的模型，第一次调用时 `call` 运行两次；写一个构建子层的 `build` 就只运行一次。
# - 自己调用 `build` 时，在层的 `build` 末尾写 `super().build(input_shape)`，否则 Keras 2 会构建两次。
#   （tf_keras 的 `Model.build(input_shape)` 会把 `call` 跑一遍，模型里这样写 `call` 会多运行一次。）
# - `__init__` 的第一行写 `super().__init__()`，否则 `add_weight` 报错。
#
# `input_shape`、`add_weight` 和权重的名字见[层的权重](layer-weights.md)；
# 更多两个版本的差别见 [Keras 3 与 tf_keras](keras3-vs-tf-keras.md)；
# 子类化模型（subclassed model）见 [子类化模型](subclassed-models.md)；术语见 [术语表](glossary.md)。
# %% [markdown] lang="en"
# ## Summary
#
# - Write `layer(x)`, not `layer.call(x)`: only `__call__` runs `build` on the first call, and it
#   does other work such as casting inputs.
# - `build` runs once; a later call with another shape does not rebuild.
# - For `call` to receive `training` or `mask`, name them in its signature (Keras 3 puts nothing
#   in `**kwargs`); with several tensor arguments, Keras 3 passes each one's mask as
#   `<arg>_mask`.
# - In Keras 3, a model with sublayers but no `build` runs `call` twice on its first call; a
#   `build` that builds the sublayers makes it once.
# - If you call `build` yourself, end a layer's `build` with `super().build(input_shape)`, or
#   Keras 2 builds twice. (tf_keras' `Model.build(input_shape)` runs `call` once, so in a model
#   this costs an extra run of `call`.)
# - Put `super().__init__()` on the first line of `__init__`, or `add_weight` fails.
#
# `input_shape`, `add_weight` and weight names: [Layer weights](layer-weights.md); more
# differences between the two versions: [Keras 3 vs tf_keras](keras3-vs-tf-keras.md);
# subclassed models: [Subclassed models](subclassed-models.md); terms: [Glossary](glossary.md).
