# %% [markdown] lang="zh"
# # 层的权重：`add_weight`、权重名与创建时机
#
# 自定义层用 `add_weight` 创建权重（weight）。本页把 TF 2.21 自带的 Keras 3 和旧版 Keras 2
# （`tf_keras` 包）放在一起对比：构建（`build`）时收到的、用来算出权重形状的 `input_shape` 是什么，
# `add_weight` 接受哪些参数，权重叫什么名字、是什么类型，
# 以及在 `build` 里和在 `__init__` 里创建权重有什么不同。
# `build`、`call` 什么时候运行，见[层的生命周期](layer-lifecycle.md)。
#
# | 问题 | Keras 3（`tf.keras` / `keras`） | Keras 2（`tf_keras`） |
# |---|---|---|
# | [`build` 收到的 `input_shape`](#input-shape) | `tuple`，例如 `(None, 5)` | `TensorShape([None, 5])` |
# | [`input_shape.as_list()`](#input-shape) | `AttributeError` | 可以 |
# | [`add_weight("w", shape=...)`（名字放第一个位置参数）](#name-first) | `ValueError` | 可以 |
# | [`use_resource=`、`synchronization=` 等参数](#removed-kwargs) | `TypeError` | 可以 |
# | [两个版本都能用的写法](#portable-add-weight) | 全部用关键字参数 | 相同 |
# | [权重的名字](#weight-names) | `.name` 是 `"kernel"`，`.path` 是 `"dense/kernel"` | `.name` 是 `"dense/kernel:0"`，没有 `.path` |
# | [权重的类型](#weight-names) | `keras.Variable`，**不是** `tf.Variable` | `tf.Variable` |
# | [在 `__init__` 里创建权重](#lazy-vs-eager) | 调用前 `weights` 就有；`.path` 是 `eager/w` | 调用前就有；`.name` 是 `w:0`，**不带**层名（图模式里第二个层的叫 `w_1:0`） |
# %% [markdown] lang="en"
# # Layer weights: `add_weight`, names and when they are created
#
# A custom layer creates its weights with `add_weight`. This page compares Keras 3 (which ships
# with TF 2.21) and legacy Keras 2 (the `tf_keras` package): what the `input_shape` that `build`
# receives (and sizes the weights from) really is, which arguments `add_weight` takes, what the
# weights are called and what type they are, and how creating them in `build` differs from
# creating them in `__init__`. For when `build` and `call` run, see
# [Layer lifecycle](layer-lifecycle.md).
#
# | Question | Keras 3 (`tf.keras` / `keras`) | Keras 2 (`tf_keras`) |
# |---|---|---|
# | [`input_shape` received by `build`](#input-shape) | a `tuple`, e.g. `(None, 5)` | `TensorShape([None, 5])` |
# | [`input_shape.as_list()`](#input-shape) | `AttributeError` | works |
# | [`add_weight("w", shape=...)` (name as first positional argument)](#name-first) | `ValueError` | works |
# | [`use_resource=`, `synchronization=`, ...](#removed-kwargs) | `TypeError` | work |
# | [The form that works in both](#portable-add-weight) | everything by keyword | same |
# | [Weight names](#weight-names) | `.name` is `"kernel"`, `.path` is `"dense/kernel"` | `.name` is `"dense/kernel:0"`, no `.path` |
# | [Weight type](#weight-names) | `keras.Variable`, **not** a `tf.Variable` | a `tf.Variable` |
# | [Weights created in `__init__`](#lazy-vs-eager) | in `weights` before the first call; `.path` is `eager/w` | in `weights` before the first call; `.name` is `w:0`, **without** the layer name (in a graph, the second layer's is `w_1:0`) |

# %% [markdown] lang="zh"
# ## 准备
#
# 同一个内核（kernel）里可以同时导入两个版本：`keras` 就是 Keras 3（和 `tf.keras` 是同一套类），
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

import inspect

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
# `Lin` 是[层的生命周期](layer-lifecycle.md)里那个全连接层：它在 `build` 里用 `add_weight`
# 创建权重 `w` 和 `b`，并把 `build` 收到的参数记在 `seen_shape` 里、打印出来。
# 同一段代码分别继承两个版本的 `Layer`，得到 `Lin3`（Keras 3）和 `Lin2`（Keras 2）。
# %% [markdown] lang="en"
# `Lin` is the dense layer of [Layer lifecycle](layer-lifecycle.md): its `build` creates the
# weights `w` and `b` with `add_weight`, and keeps (and prints) the argument it received in
# `seen_shape`. The same code subclasses each version's `Layer`, giving `Lin3` (Keras 3) and `Lin2`
# (Keras 2).


# %%
def make_lin(base):
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

        def call(self, inputs):
            return tf.matmul(inputs, self.w) + self.b

    return Lin


Lin3 = make_lin(keras.layers.Layer)
Lin2 = make_lin(tf_keras.layers.Layer)
VERSIONS = [("Keras 3", keras, Lin3), ("tf_keras", tf_keras, Lin2)]
x = tf.ones((3, 4))

# %% [markdown] lang="zh"
# ## `input_shape` 到底是什么 {#input-shape}
#
# [原博客](quick-start.md)引用的文档只说 `build` 收到输入的形状（shape），没说是什么类型。
# Keras 2 的文档字符串写的是 `TensorShape`；Keras 3 的 `Layer.build` 干脆没有文档字符串：
# %% [markdown] lang="en"
# ## What `input_shape` really is {#input-shape}
#
# The docs quoted by [the blog post](quick-start.md) only say that `build` receives the shape of the input, not its type.
# Keras 2's docstring says `TensorShape`; Keras 3's `Layer.build` has no docstring at all:

# %%
print("Keras 3 docstring:", keras.layers.Layer.build.__doc__)
doc2 = tf_keras.layers.Layer.build.__doc__
print("tf_keras docstring:", " ".join(doc2[doc2.index("input_shape:") :].split()))
assert keras.layers.Layer.build.__doc__ is None and "`TensorShape`" in doc2

# %% [markdown] lang="zh"
# 实际运行一下就知道，两个版本给的东西不一样。下面用三种输入调用层：即时执行的张量、图模式里的占位符（`placeholder`，批大小未知），
# 以及函数式 API 的符号输入 `Input`。
# %% [markdown] lang="en"
# Running it shows that the two versions pass different things. Below, the layer is called on three inputs: an eager tensor, a graph-mode
# `placeholder` with an unknown batch size, and a symbolic functional-API `Input`.

# %%
for version, K, Lin in VERSIONS:
    print(version, "- eager tensor:")
    eager_layer = Lin(2, name="lin")
    eager_layer(tf.ones((3, 4)))

    print(version, "- graph-mode placeholder:")
    with tf.Graph().as_default():
        p = tf.compat.v1.placeholder(tf.float32, shape=(None, 5))
        graph_layer = Lin(2, name="lin")
        out = graph_layer(p)
        print("  output:", out.shape, "| a graph tensor:", tf.is_symbolic_tensor(out))

    print(version, "- functional Input:")
    input_layer = Lin(2, name="lin")
    input_layer(K.Input(shape=(6,)))

    if K is keras:
        assert type(eager_layer.seen_shape) is tuple and eager_layer.seen_shape == (3, 4)
        assert type(graph_layer.seen_shape) is tuple and graph_layer.seen_shape == (None, 5)
        assert input_layer.seen_shape == (None, 6)
    else:
        assert type(eager_layer.seen_shape) is tf.TensorShape
        assert graph_layer.seen_shape.as_list() == [None, 5]
        assert input_layer.seen_shape.as_list() == [None, 6]

# %% [markdown] lang="zh"
# Keras 3 里 `input_shape` 是普通的 Python `tuple`，未知的维度是 `None`；
# Keras 2 里是 `tf.TensorShape`。两者都能用 `input_shape[-1]` 取最后一维（得到 `int` 或 `None`）。
#
# 但 Keras 2 时代常见的 `input_shape.as_list()` 在 Keras 3 里会失败，因为 `tuple` 没有这个方法。
# 同一个 `build`，分别放在两个版本里运行：
# %% [markdown] lang="en"
# In Keras 3, `input_shape` is a plain Python `tuple`, with `None` for unknown dimensions. In
# Keras 2 it is a `tf.TensorShape`. In both, `input_shape[-1]` gives the last dimension (an `int`
# or `None`).
#
# The Keras 2 habit `input_shape.as_list()` fails in Keras 3, because a `tuple` has no such method.
# The same `build`, run in both versions:


# %%
def make_as_list_layer(base):
    class AsList(base):
        def build(self, input_shape):
            n_in = input_shape.as_list()[-1]  # Keras 2 habit
            self.w = self.add_weight(shape=(n_in, 2), name="w")

        def call(self, inputs):
            return tf.matmul(inputs, self.w)

    return AsList


print("tf_keras:", make_as_list_layer(tf_keras.layers.Layer)(name="as_list")(x).shape)
with expect(AttributeError, "'tuple' object has no attribute 'as_list'"):
    make_as_list_layer(keras.layers.Layer)(name="as_list")(x)

# %% [markdown] lang="zh"
# 要在两个版本里都能运行，就先把它转成 `tf.TensorShape`，或者只用下标取维度：
# %% [markdown] lang="en"
# To run on both versions, convert it to a `tf.TensorShape` first, or only index it:

# %%
for shape in [(None, 5), tf.TensorShape([None, 5])]:
    print(f"{shape!r:26} -> {tf.TensorShape(shape).as_list()}, [-1] = {shape[-1]}")
    assert tf.TensorShape(shape).as_list() == [None, 5] and shape[-1] == 5

# %% [markdown] lang="zh"
# ## `add_weight` 的参数变了 {#add-weight-signature}
#
# 先看两个版本的函数签名。Keras 2 的第一个参数是 `name`；
# Keras 3 的名字挪到了最后，位置参数依次是 `shape`、`initializer`、`dtype`，
# 而且 `use_resource`、`synchronization` 这些 TF1 时代的参数都没有了。
# %% [markdown] lang="en"
# ## `add_weight` changed its signature {#add-weight-signature}
#
# First, the two signatures. In Keras 2 the first parameter is `name`. Keras 3 moved `name` to the
# end, takes `shape`, `initializer`, `dtype` as positional arguments, and drops TF1-era parameters
# such as `use_resource` and `synchronization`.

# %%
print("Keras 3: add_weight" + str(inspect.signature(keras.layers.Layer.add_weight)))
print("tf_keras: add_weight" + str(inspect.signature(tf_keras.layers.Layer.add_weight)))

# %% [markdown] lang="zh"
# ### 名字放在第一个位置参数 {#name-first}
#
# Keras 2 的代码里常见 `self.add_weight("kernel", shape=...)`。
# Keras 3 专门检查了这种写法，报 `ValueError`，并在消息里给出正确写法：
# %% [markdown] lang="en"
# ### The name as the first positional argument {#name-first}
#
# Keras 2 code often says `self.add_weight("kernel", shape=...)`. Keras 3 checks for exactly this
# and raises `ValueError`, with the fix in the message:


# %%
def make_name_first_layer(base):
    class NameFirst(base):
        def build(self, input_shape):
            self.kernel = self.add_weight("kernel", shape=(input_shape[-1], 2))  # Keras 2 habit

        def call(self, inputs):
            return tf.matmul(inputs, self.kernel)

    return NameFirst


layer2 = make_name_first_layer(tf_keras.layers.Layer)(name="name_first")
layer2(x)
print("tf_keras:", [w.name for w in layer2.weights])

with expect(ValueError, "`name` must be passed as a keyword argument"):
    make_name_first_layer(keras.layers.Layer)(name="name_first")(x)

# %% [markdown] lang="zh"
# 反过来也一样：Keras 3 允许 `add_weight((4, 2), "zeros")`（形状、初始化器），
# 放到 Keras 2 里，`(4, 2)` 被当成名字，`"zeros"` 被当成形状，报一个看不出原因的 `TypeError`：
# %% [markdown] lang="en"
# The reverse trap exists too. Keras 3 accepts `add_weight((4, 2), "zeros")` (shape, initializer).
# In Keras 2, `(4, 2)` becomes the name and `"zeros"` the shape, which gives a puzzling
# `TypeError`:

# %%
w3 = keras.layers.Layer(name="demo").add_weight((4, 2), "zeros")
print("Keras 3:", repr(w3.name), tuple(w3.shape))
with expect(TypeError, 'can only concatenate tuple (not "str") to tuple'):
    tf_keras.layers.Layer(name="demo").add_weight((4, 2), "zeros")

# %% [markdown] lang="zh"
# ### 删掉或改掉的关键字参数 {#removed-kwargs}
#
# Keras 2 接受的 `use_resource`、`synchronization`、`partitioner`、`caching_device`，
# Keras 3 一律报 `TypeError`。`aggregation` 还在，但类型变了：
# Keras 3 要字符串 `"mean"`，Keras 2 要 `tf.VariableAggregation.MEAN`，互相都不接受。
# 权重名里的 `/` 在 Keras 3 里也不允许了。
# %% [markdown] lang="en"
# ### Removed or changed keyword arguments {#removed-kwargs}
#
# Keras 2 accepts `use_resource`, `synchronization`, `partitioner` and `caching_device`; Keras 3
# rejects each with `TypeError`. `aggregation` survives with a different type: Keras 3 wants the
# string `"mean"`, Keras 2 wants `tf.VariableAggregation.MEAN`, and neither accepts the other's.
# A `/` in a weight name is no longer allowed in Keras 3 either.

# %%
old = tf_keras.layers.Layer(name="old")
new = keras.layers.Layer(name="new")
for kw, value in [
    ("use_resource", True),
    ("synchronization", tf.VariableSynchronization.AUTO),
    ("partitioner", None),
    ("caching_device", None),
]:
    w = old.add_weight(name=kw, shape=(2,), **{kw: value})
    print(f"tf_keras accepts {kw}= -> {w.name}")
    with expect(TypeError, f"unexpected keyword argument '{kw}'"):
        new.add_weight(name=kw, shape=(2,), **{kw: value})

# %%
print("Keras 3:", new.add_weight(name="agg", shape=(2,), aggregation="mean").aggregation)
with expect(ValueError, "Invalid value for argument `aggregation`"):
    new.add_weight(name="agg", shape=(2,), aggregation=tf.VariableAggregation.MEAN)

print(
    "tf_keras:",
    old.add_weight(name="agg", shape=(2,), aggregation=tf.VariableAggregation.MEAN).aggregation,
)
with expect(ValueError, "Invalid variable aggregation mode: mean"):
    old.add_weight(name="agg", shape=(2,), aggregation="mean")

# %%
print("tf_keras:", old.add_weight(name="block/w", shape=(2,)).name)
with expect(ValueError, "cannot contain character `/`"):
    new.add_weight(name="block/w", shape=(2,))

# %% [markdown] lang="zh"
# ### 两个版本都能用的写法 {#portable-add-weight}
#
# 全部用关键字参数传，只用两边都有的参数：`shape`、`initializer`、`dtype`、`trainable`、
# `regularizer`、`constraint`、`name`。`Lin` 层用的就是这种写法，所以前面它在两个版本里都能运行。
# %% [markdown] lang="en"
# ### The form that works in both {#portable-add-weight}
#
# Pass everything by keyword, and only use parameters both versions have: `shape`, `initializer`,
# `dtype`, `trainable`, `regularizer`, `constraint`, `name`. The `Lin` layer above does exactly
# this, which is why it ran on both versions.

# %%
for K in (keras, tf_keras):
    w = K.layers.Layer(name="demo").add_weight(
        shape=(4, 2), initializer="zeros", dtype="float32", trainable=False, name="kernel"
    )
    print(f"{K.__name__:9} name={w.name!r:12} shape={tuple(w.shape)} trainable={w.trainable}")
    assert tuple(w.shape) == (4, 2) and not w.trainable

# %% [markdown] lang="zh"
# ## `built`、`weights` 与权重的名字 {#weight-names}
#
# 用两个内置层来看：全连接层 `Dense` 的两个权重都可训练；
# 批归一化 `BatchNormalization` 的 `moving_mean`、`moving_variance` 不可训练，
# 出现在 `non_trainable_weights` 里。`weights` 是两者之和。
# %% [markdown] lang="en"
# ## `built`, `weights` and weight names {#weight-names}
#
# Two built-in layers: both weights of `Dense` are trainable; the `moving_mean` and
# `moving_variance` of `BatchNormalization` are not, so they show up in `non_trainable_weights`.
# `weights` holds both kinds.

# %%
for version, K, _ in VERSIONS:
    dense = K.layers.Dense(2, name="dense")
    bn = K.layers.BatchNormalization(name="bn")
    print(version, "| before the call: built =", dense.built, bn.built, "| weights:", bn.weights)
    bn(dense(x))
    print("  after the call: built =", dense.built, bn.built)
    print("  trainable:    ", [w.name for w in dense.trainable_weights + bn.trainable_weights])
    print("  non-trainable:", [w.name for w in bn.non_trainable_weights])
    if K is keras:
        print("  paths:        ", [w.path for w in dense.weights + bn.weights])
    else:
        print("  has .path:    ", hasattr(dense.kernel, "path"))
    assert dense.built and bn.built
    assert len(bn.weights) == 4 and len(bn.non_trainable_weights) == 2

# %% [markdown] lang="zh"
# 区别很明显：
#
# - Keras 3 的 `.name` 只是变量自己的名字（`kernel`），带层名的完整路径放在 `.path` 里（`dense/kernel`）。
# - Keras 2 的 `.name` 是 TensorFlow 变量名，带层名和输出序号：`dense/kernel:0`。它没有 `.path`。
#
# 按名字查找权重的旧代码（比如 `if "kernel:0" in w.name`）在 Keras 3 里会悄悄找不到任何东西。
#
# 更要紧的是类型：Keras 3 的权重是 `keras.Variable`，它**不是** `tf.Variable`，
# 真正的 TensorFlow 变量藏在 `.value` 里，那个变量的名字才是 `dense/kernel:0` 的样子。
# %% [markdown] lang="en"
# The difference is plain:
#
# - In Keras 3, `.name` is just the variable's own name (`kernel`); the full path with the layer
#   name is in `.path` (`dense/kernel`).
# - In Keras 2, `.name` is the TensorFlow variable name, with the layer name and the output
#   index: `dense/kernel:0`. There is no `.path`.
#
# Old code that looks weights up by name (for example `if "kernel:0" in w.name`) silently finds
# nothing in Keras 3.
#
# The type matters more: a Keras 3 weight is a `keras.Variable`, which is **not** a
# `tf.Variable`. The real TensorFlow variable sits in `.value`, and that one has a name like
# `dense/kernel:0`.

# %%
dense3 = keras.layers.Dense(2, name="dense")
dense2 = tf_keras.layers.Dense(2, name="dense")
dense3(x)
dense2(x)
for version, w in [("Keras 3", dense3.kernel), ("tf_keras", dense2.kernel)]:
    print(f"{version:8} {type(w).__name__:16} is a tf.Variable: {isinstance(w, tf.Variable)}")
print("Keras 3 .value:", type(dense3.kernel.value).__name__, dense3.kernel.value.name)
print("Keras 3 finds 'kernel:0':", [w.path for w in dense3.weights if "kernel:0" in w.name])
assert not isinstance(dense3.kernel, tf.Variable) and isinstance(dense3.kernel, keras.Variable)
assert isinstance(dense2.kernel, tf.Variable) and isinstance(dense3.kernel.value, tf.Variable)
assert dense3.kernel.value.name == dense2.kernel.name == "dense/kernel:0"

# %% [markdown] lang="zh"
# 嵌套的层：子层在外层的 `call` 里第一次被调用时构建，名字前面会加上外层的名字。
# 两个版本对自定义外层都是这样；但对 `Sequential`，Keras 2 的名字里没有模型名：
# %% [markdown] lang="en"
# Nested layers: a sublayer is built the first time the outer layer's `call` calls it, and its
# weights get the outer layer's name as a prefix. Both versions do this for a custom outer layer;
# but for a `Sequential`, Keras 2 leaves the model name out:


# %%
def make_outer(K):
    class Outer(K.layers.Layer):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.inner = K.layers.Dense(2, name="inner")

        def call(self, inputs):
            return self.inner(inputs)

    return Outer


for version, K, _ in VERSIONS:
    outer = make_outer(K)(name="outer")
    outer(x)
    seq = K.Sequential([K.layers.Dense(3, name="d1")], name="seq")
    seq(x)
    if K is keras:
        print(version, [w.path for w in outer.weights], [w.path for w in seq.weights])
    else:
        print(version, [w.name for w in outer.weights], [w.name for w in seq.weights])

# %% [markdown] lang="zh"
# ## 延迟创建与立即创建权重 {#lazy-vs-eager}
#
# 权重可以在两个地方创建：
#
# - 在 `build` 里：延迟创建（lazy），等第一次调用时才知道输入形状。前面的 `Lin` 就是这样，
#   调用前 `weights` 是空列表。
# - 在 `__init__` 里：立即创建（eager），所以输入维度必须在构造时就给出。
#
# 下面的 `EagerLin` 在 `__init__` 里创建权重。注意 `add_weight` 之前必须先调用 `super().__init__()`
# （见[层的生命周期](layer-lifecycle.md#super-init-first)）。
# %% [markdown] lang="en"
# ## Lazy vs eager weight creation {#lazy-vs-eager}
#
# Weights can be created in two places:
#
# - In `build`: lazy creation, once the first call reveals the input shape. `Lin` above does
#   this, and its `weights` list is empty before the first call.
# - In `__init__`: eager creation, so the input size must be given to the constructor.
#
# `EagerLin` below creates its weights in `__init__`. Note that `super().__init__()` must run
# before `add_weight` (see [Layer lifecycle](layer-lifecycle.md#super-init-first)).


# %%
def make_eager_lin(base):
    class EagerLin(base):
        def __init__(self, in_features, units, **kwargs):
            super().__init__(**kwargs)
            self.w = self.add_weight(shape=(in_features, units), initializer="ones", name="w")
            self.b = self.add_weight(shape=(units,), initializer="zeros", name="b")

        def call(self, inputs):
            return tf.matmul(inputs, self.w) + self.b

    return EagerLin


for version, K, Lin in VERSIONS:
    EagerLin = make_eager_lin(K.layers.Layer)
    lazy = Lin(2, name="lazy")
    eager = EagerLin(4, 2, name="eager")
    other = EagerLin(4, 2, name="other")
    print(version, "- before the first call:")
    print("  lazy:  built =", lazy.built, "| weights:", [w.name for w in lazy.weights])
    print("  eager: built =", eager.built, "| weights:", [w.name for w in eager.weights])
    assert lazy.weights == [] and len(eager.weights) == 2 and not eager.built
    eager(x)
    print(version, "- after eager(x):")
    print("  eager: built =", eager.built, "| weights:", [w.name for w in eager.weights])
    print("  eager + other, .name:", [w.name for w in eager.weights + other.weights])
    if K is keras:
        print("  eager + other, .path:", [w.path for w in eager.weights + other.weights])
    else:
        assert [w.name for w in eager.weights + other.weights] == ["w:0", "b:0"] * 2
    assert eager.built


# %% [markdown] lang="zh"
# 两点值得注意：
#
# - 权重已经存在，但 `built` 在第一次调用前仍是 `False`。`built` 只表示“`__call__` 已经走过构建这一步”，
#   不表示“权重都有了”。
# - Keras 2 在 `__init__` 里创建的权重没有层名作用域，名字是 `w:0`、`b:0`，调用之后也不会改。
#   即时执行时，两个这样的层（`eager` 和 `other`）的权重全都叫 `w:0`、`b:0`，单看名字分不出是谁的。
#   Keras 3 的 `.name` 同样重复，但 `.path` 总是带层名：`eager/w`、`other/w`。
#
# 名字重复只发生在即时执行里。图模式下，同一张图里的名字必须唯一，TensorFlow 会给后建的变量加上序号。
# 在一张图里再建这两个层：
# %% [markdown] lang="en"
# Two things stand out:
#
# - The weights exist, yet `built` is `False` until the first call. `built` means "`__call__` has
#   gone through its build step", not "all weights exist".
# - Keras 2 creates weights in `__init__` outside the layer's name scope: they are called `w:0` and
#   `b:0`, and the call does not rename them. Eagerly, two such layers (`eager` and `other`) have
#   weights with identical names: the names alone do not tell them apart. In Keras 3 `.name`
#   repeats too, but `.path` always includes the layer name: `eager/w`, `other/w`.
#
# The duplicate names are an eager-only thing. In graph mode, names in one graph must be unique,
# and TensorFlow adds a number to the later variable. The same two layers, built in a graph:

# %%
for version, K, _ in VERSIONS:
    with tf.Graph().as_default():
        EagerLin = make_eager_lin(K.layers.Layer)
        weights = EagerLin(4, 2, name="eager").weights + EagerLin(4, 2, name="other").weights
        print(f"{version:8} in a graph, .name:", [w.name for w in weights])
        if K is keras:
            print("  .path:", [w.path for w in weights])
            assert [w.name for w in weights] == ["w", "b"] * 2
            assert [w.path for w in weights] == ["eager/w", "eager/b", "other/w", "other/b"]
        else:
            assert [w.name for w in weights] == ["w:0", "b:0", "w_1:0", "b_1:0"]

# %% [markdown] lang="zh"
# tf_keras 在图里把第二个层的权重叫 `w_1:0`、`b_1:0`：名字不再重复，但还是不带层名，
# `_1` 只说明它是后创建的那个，看不出属于 `other`。Keras 3 在图里和即时执行时一样，`.path` 带层名。
#
# 立即创建的代价是形状要提前知道。输入维度不对，要到 `call` 里的矩阵乘法才报错。
# 消息里 `{{function_node ...}}` 中的操作名随机器而变：本页关闭了 oneDNN、只用 CPU；
# 打开 oneDNN 时是 `__wrapped____MklMatMul_…`，在 GPU 上设备是 `GPU:0`。
# 下面的检查只看不变的 `Matrix size-incompatible`：
# %% [markdown] lang="en"
# In a graph, tf_keras calls the second layer's weights `w_1:0` and `b_1:0`: the names no longer
# repeat, but they still lack the layer name; `_1` only says it was created later, not that it
# belongs to `other`. Keras 3 behaves in a graph as it does eagerly: `.path` carries the layer name.
#
# The price of eager creation is that the shape must be known in advance. A wrong input size is
# only caught by the matrix multiplication in `call`. The op name inside `{{function_node ...}}`
# depends on the machine: this page is built with oneDNN off, on CPU only; with oneDNN on it reads
# `__wrapped____MklMatMul_…`, and on a GPU the device is `GPU:0`. The check below looks only at
# the part that does not change, `Matrix size-incompatible`:

# %%
for version, K, _ in VERSIONS:
    print(version)
    eager = make_eager_lin(K.layers.Layer)(4, 2, name="eager")
    with expect(tf.errors.InvalidArgumentError, "Matrix size-incompatible"):
        eager(tf.ones((3, 5)))

# %% [markdown] lang="zh"
# ## 小结
#
# - Keras 3 的 `input_shape` 是 `tuple`，Keras 2 是 `TensorShape`。用 `input_shape[-1]`，
#   或者先 `tf.TensorShape(input_shape)`，两个版本都能用。
# - `add_weight` 全部用关键字参数：`add_weight(shape=..., initializer=..., name=...)`。
#   名字不要放第一个位置参数，不要用 `use_resource` 之类的 TF1 参数，名字里不要有 `/`。
# - Keras 3 的权重名：`.name` 是短名字，`.path` 带层名；权重是 `keras.Variable`，不是 `tf.Variable`，
#   TF 变量在 `.value` 里。Keras 2 的 `.name` 是 `层名/权重名:0`。按名字查找权重的旧代码要改。
# - 在 `__init__` 里创建权重要提前给出输入维度；`built` 在第一次调用前仍是 `False`。
#   Keras 2 这样创建的权重名字里没有层名。
#
# `build`、`call` 什么时候运行见[层的生命周期](layer-lifecycle.md)；
# 更多两个版本的差别见 [Keras 3 与 tf_keras](keras3-vs-tf-keras.md)；术语见[术语表](glossary.md)。
# %% [markdown] lang="en"
# ## Summary
#
# - `input_shape` is a `tuple` in Keras 3 and a `TensorShape` in Keras 2. `input_shape[-1]`, or
#   `tf.TensorShape(input_shape)` first, works in both.
# - Pass everything to `add_weight` by keyword: `add_weight(shape=..., initializer=..., name=...)`.
#   No positional name, no TF1 parameters such as `use_resource`, no `/` in the name.
# - Keras 3 weight names: `.name` is the short name, `.path` includes the layer name; a weight is
#   a `keras.Variable`, not a `tf.Variable`, and the TF variable is in `.value`. In Keras 2,
#   `.name` is `layer/weight:0`. Old code that looks weights up by name needs changing.
# - Weights created in `__init__` need the input size up front; `built` is still `False` until the
#   first call. Keras 2 leaves the layer name out of such weights' names.
#
# When `build` and `call` run: [Layer lifecycle](layer-lifecycle.md); more differences between the
# two versions: [Keras 3 vs tf_keras](keras3-vs-tf-keras.md); terms: [Glossary](glossary.md).
