# %% [markdown] lang="zh"
# # 子类化模型的常见错误
#
# [子类化模型](subclassed-models.md)那页比较了[原博客](quick-start.md)的 `model.call(inputs, False)`
# 和 `model(inputs)`。本页收集写子类化模型（subclassed model）、在会话（`Session`）里用它时最常见的几个错误，
# 在图模式（graph mode）下用 TF 2.21 自带的 Keras 3 和旧版 Keras（legacy Keras，即 `tf_keras` 包）各跑一遍：
# 两个版本在什么时候报错、报什么错。
#
# | 错误 | Keras 3（`tf.keras`） | tf_keras（Keras 2） |
# |---|---|---|
# | [忘了 `super().__init__()`](#忘了-super__init__) | 构造时不报错，第一次 `model(x)` 才 `RuntimeError` | 把层赋给属性时立即 `RuntimeError` |
# | [构建（`build`）之后最后一维不对](#构建之后最后一维不对) | `ValueError`，外面包一层 “Exception encountered when calling” | `ValueError`，外面包一层 “in user code:” |
# | [用秩 3 构建，再输入秩 2](#秩不对) | 接受 | 接受 |
# | [`sess.run(Keras 权重)`](#在-sessrun-里取回-keras-变量) | `TypeError`，要取 `w.value` | 可以；`w.value` 是方法，取它会 `TypeError` |
#
# 术语见[术语表](glossary.md)。
# %% [markdown] lang="en"
# # Subclassed models: common mistakes
#
# The [Subclassed models](subclassed-models.md) page compares [the blog post](quick-start.md)'s
# `model.call(inputs, False)` with `model(inputs)`. This page collects the most common mistakes
# made when writing a subclassed model and using it in a `Session`, and runs each in graph mode
# with TF 2.21's own Keras 3 and with legacy Keras 2 (the `tf_keras` package): when each version
# complains, and what it says.
#
# | Mistake | Keras 3 (`tf.keras`) | tf_keras (Keras 2) |
# |---|---|---|
# | [forgetting `super().__init__()`](#forgetting-super__init__) | construction succeeds; `RuntimeError` at the first `model(x)` | `RuntimeError` as soon as a layer is assigned to an attribute |
# | [wrong last dimension after building](#wrong-last-dimension-after-the-model-is-built) | `ValueError`, wrapped in "Exception encountered when calling" | `ValueError`, wrapped in "in user code:" |
# | [built on rank 3, then given rank 2](#wrong-rank) | accepted | accepted |
# | [`sess.run(keras_weight)`](#fetching-a-keras-variable-in-sessrun) | `TypeError`; fetch `w.value` | works; `w.value` is a method and fetching it is a `TypeError` |
#
# Terms are in the [glossary](glossary.md).

# %% [markdown] lang="zh"
# ## 准备
#
# 和[子类化模型](subclassed-models.md)那页的准备相同：同一个内核里同时导入 `keras`（Keras 3，与 `tf.keras`
# 是同一个包）和 `tf_keras`，整页在 TF1 图模式下运行。`fresh_graph()` 换一张新的默认图，
# 把两个版本的自动命名计数器清零并固定随机种子；`make_model(K)` 是改正后的原博客 `KerasModel`，
# `K` 传 `keras` 或 `tf_keras`。
# %% [markdown] lang="en"
# ## Setup
#
# The same setup as on the [Subclassed models](subclassed-models.md) page: one kernel imports both
# `keras` (Keras 3, the very same package as `tf.keras`) and `tf_keras`, and the whole page runs in
# TF1 graph mode. `fresh_graph()` starts a new default graph, resets both versions' automatic name
# counters and fixes the seeds; `make_model(K)` is the blog post's `KerasModel`, corrected; pass
# `keras` or `tf_keras` as `K`.

# %%
import os

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"

import keras
import numpy as np
import tensorflow as tf
import tf_keras

tf.compat.v1.disable_eager_execution()
tf.get_logger().setLevel("ERROR")

print("TensorFlow", tf.__version__)
print("tf.keras is Keras", tf.keras.__version__, "| tf_keras", tf_keras.__version__)
assert tf.keras.Model is keras.Model


def fresh_graph():
    """New default graph, Keras name counters back to zero, fixed seeds."""
    keras.backend.clear_session()
    tf_keras.backend.clear_session()
    keras.utils.set_random_seed(0)  # Python, numpy and the new graph's seed
    return tf.compat.v1.get_default_graph()


def make_model(K):
    """The seed's KerasModel, corrected; K is keras (Keras 3) or tf_keras (Keras 2)."""

    class KerasModel(K.Model):
        def __init__(self):
            super().__init__()
            self.layera = K.layers.Dense(4, activation="relu")
            self.layerb = K.layers.Dense(2)

        def call(self, inputs, training=False):
            x = self.layera(inputs, training=training)
            return self.layerb(x, training=training)

    return KerasModel()


input_shape = [1, 2, 3]  # the seed's shape

# %% [markdown] lang="zh"
# ## 忘了 `super().__init__()`
#
# 两个版本报错的时机不同：
#
# - tf_keras 在 `__init__` 里把层赋给属性（`self.layera = ...`）的那一刻就报 `RuntimeError`，
#   所以模型根本构造不出来。
# - Keras 3 构造时一声不吭，属性也赋上了。
# %% [markdown] lang="en"
# ## Forgetting `super().__init__()`
#
# The two versions complain at different times:
#
# - tf_keras raises `RuntimeError` the moment `__init__` assigns a layer to an attribute
#   (`self.layera = ...`), so the model is never constructed.
# - Keras 3 constructs the model without a word, attribute included.


# %%
def make_no_super_model(K):
    class NoSuperModel(K.Model):
        def __init__(self):
            # super().__init__() is missing
            self.layera = K.layers.Dense(4)

        def call(self, inputs, training=False):
            return self.layera(inputs)

    return NoSuperModel()


fresh_graph()
inputs = tf.compat.v1.placeholder(tf.float32, shape=input_shape, name="inputs")

with expect(RuntimeError, "forgot to call `super().__init__()`"):
    make_no_super_model(tf_keras)

no_super = make_no_super_model(keras)  # no error yet
print("constructed:", type(no_super).__name__, "| has layera:", hasattr(no_super, "layera"))

# %% [markdown] lang="zh"
# Keras 3 的问题要等到后面才暴露：打印模型时是一个莫名其妙的 `AttributeError`（没有 `name`），
# 第一次 `model(x)` 时才给出明确的 `RuntimeError`。
# 而原博客的 `model.call(x)` 连这一步都绕过去了，什么也不报。
# %% [markdown] lang="en"
# In Keras 3 the problem surfaces later: printing the model gives a puzzling `AttributeError` (no
# `name`), and only the first `model(x)` gives the clear `RuntimeError`. The blog post's
# `model.call(x)` skips even that check and reports nothing.

# %%
with expect(AttributeError, "'NoSuperModel' object has no attribute 'name'"):
    print(no_super)
with expect(RuntimeError, "you forgot to call `super().__init__()`"):
    no_super(inputs)
print("model.call raises nothing:", no_super.call(inputs))

# %% [markdown] lang="zh"
# ## 构建之后最后一维不对
#
# `Dense` 构建后记住了输入的最后一维（这里是 3），之后用最后一维是 5 的输入调用，
# 在建图时就报 `ValueError`，根本等不到 `sess.run`。真正报错的是子层 `dense`。
# 两个版本都会在外面再包一层说明：Keras 3 写明是在调用 `KerasModel.call()` 时出的错，
# 并列出收到的参数；tf_keras 在图模式下用 “in user code:” 包起来
# （其中带本机路径的 `File ...` 行已被 `expect` 去掉，只剩源码行）。
# %% [markdown] lang="en"
# ## Wrong last dimension after the model is built
#
# Once built, `Dense` remembers the last dimension of its input (3 here). Calling with a last
# dimension of 5 raises `ValueError` while the graph is built, long before `sess.run`. The real
# complaint comes from the sublayer `dense`. Both versions wrap it: Keras 3 says the error happened
# while calling `KerasModel.call()` and lists the arguments it received; tf_keras in graph mode
# wraps it in "in user code:" (its `File ...` lines hold local paths and are trimmed by `expect`,
# leaving the source lines).

# %%
fresh_graph()
inputs = tf.compat.v1.placeholder(tf.float32, shape=input_shape, name="inputs")
wrong = tf.compat.v1.placeholder(tf.float32, shape=[1, 2, 5], name="wrong")
k3 = make_model(keras)
k2 = make_model(tf_keras)
k3(inputs)
k2(inputs)

with expect(ValueError, "expected axis -1 of input shape to have value 3"):
    k3(wrong)
with expect(ValueError, "expected axis -1 of input shape to have value 3"):
    k2(wrong)

# %% [markdown] lang="zh"
# 用原博客的 `model.call` 调用时，同样的错误没有外面那一层：模型的 `__call__` 没有参与。
# %% [markdown] lang="en"
# Called the blog post's way, `model.call`, the same error comes without the wrapper: the model's
# `__call__` is not involved.

# %%
with expect(ValueError, "expected axis -1 of input shape to have value 3"):
    k3.call(wrong, False)
with expect(ValueError, "expected axis -1 of input shape to have value 3"):
    k2.call(wrong, False)

# %% [markdown] lang="zh"
# ## 秩不对
#
# 模型是用秩（rank）为 3 的 `[1, 2, 3]` 构建的，可秩为 2 的 `[None, 3]` 输入照样被接受：
# 子类化模型本身不检查输入形状，`Dense` 只要求最后一维是 3、秩至少为 2。
# 秩为 1 的输入才会被拒绝。
# %% [markdown] lang="en"
# ## Wrong rank
#
# The model was built on the rank-3 shape `[1, 2, 3]`, yet a rank-2 `[None, 3]` input is accepted:
# a subclassed model does not check input shapes itself, and `Dense` only requires a last dimension
# of 3 and a rank of at least 2. Only a rank-1 input is rejected.

# %%
rank2 = tf.compat.v1.placeholder(tf.float32, shape=[None, 3], name="rank2")
rank1 = tf.compat.v1.placeholder(tf.float32, shape=[3], name="rank1")
for model in (k3, k2):
    print(model(rank2))
with expect(ValueError, "expected min_ndim=2, found ndim=1"):
    k3(rank1)
with expect(ValueError, "expected min_ndim=2, found ndim=1"):
    k2(rank1)

# %% [markdown] lang="zh"
# ## 在 `sess.run` 里取回 Keras 变量
#
# 想在会话里看看权重的值，直接把权重交给 `sess.run` 取回（`fetch`）。
# 两个版本的权重类型不同：
#
# - Keras 3 的权重是 `keras.Variable`，它包着一个真正的 `tf.Variable`，通过 `.value` 拿到
#   （这里它和私有属性 `._value` 是同一个对象，但请用公开的 `.value`）。
# - tf_keras 的权重本身就是 `tf.Variable`（`ResourceVariable`），而它的 `.value` 是一个方法。
# %% [markdown] lang="en"
# ## Fetching a Keras variable in `sess.run`
#
# To see a weight's value inside the session, you hand the weight to `sess.run` as a fetch. The
# weights have different types in the two versions:
#
# - A Keras 3 weight is a `keras.Variable` wrapping a real `tf.Variable`, reached through `.value`
#   (here the same object as the private `._value`; use the public `.value`).
# - A tf_keras weight is itself a `tf.Variable` (`ResourceVariable`), and its `.value` is a method.

# %%
fresh_graph()
inputs = tf.compat.v1.placeholder(tf.float32, shape=input_shape, name="inputs")
k3 = make_model(keras)
k2 = make_model(tf_keras)
k3(inputs)
k2(inputs)
k3_kernel = k3.layera.kernel
k2_kernel = k2.layera.kernel
print("Keras 3 :", type(k3_kernel).__name__, "| .value:", type(k3_kernel.value).__name__)
print("tf_keras:", type(k2_kernel).__name__, "| .value:", type(k2_kernel.value).__name__)
assert k3_kernel.value is k3_kernel._value
assert isinstance(k3_kernel.value, tf.Variable) and isinstance(k2_kernel, tf.Variable)

sess = tf.compat.v1.Session()
sess.run(tf.compat.v1.global_variables_initializer())

# %% [markdown] lang="zh"
# Keras 3：`keras.Variable` 不是图元素，`sess.run` 拒绝取回它，整个 `model.weights` 列表也一样。
# `model.get_weights()` 在图模式下也用不了，它要调用即时执行（eager execution）才有的 `numpy()`。
# %% [markdown] lang="en"
# Keras 3: a `keras.Variable` is not a graph element, so `sess.run` refuses to fetch it, and the
# whole `model.weights` list fails the same way. `model.get_weights()` does not work in graph mode
# either: it needs `numpy()`, which only exists under eager execution.

# %%
with expect(TypeError, 'has invalid type "Variable" must be a string or Tensor'):
    sess.run(k3_kernel)
with expect(TypeError, 'has invalid type "Variable" must be a string or Tensor'):
    sess.run(k3.weights)
with expect(NotImplementedError, "numpy() is only available when eager execution is enabled"):
    k3.get_weights()

# %% [markdown] lang="zh"
# 能用的写法：取回 `w.value`（底层的 `tf.Variable`），或者先用 `tf.convert_to_tensor(w)` 读成张量。
# %% [markdown] lang="en"
# What works: fetch `w.value` (the underlying `tf.Variable`), or read it into a tensor first with
# `tf.convert_to_tensor(w)`.

# %%
value = sess.run(k3_kernel.value)
values = sess.run([w.value for w in k3.weights])
read = sess.run(tf.convert_to_tensor(k3_kernel))
print(type(value).__name__, value.shape, "|", [v.shape for v in values])
np.testing.assert_array_equal(value, read)

# %% [markdown] lang="zh"
# tf_keras 正好相反：照搬 Keras 3 的 `w.value` 会失败，因为取到的是一个绑定方法。
# %% [markdown] lang="en"
# tf_keras is the other way round: copying Keras 3's `w.value` fails, because that is a bound
# method.

# %%
with expect(TypeError, 'has invalid type "method" must be a string or Tensor'):
    sess.run(k2_kernel.value)

# %% [markdown] lang="zh"
# 在 tf_keras 里，权重本身、`w.value()`、整个 `model.weights` 列表都能直接取回。
# `model.get_weights()` 也能用：它会借用当前的默认会话，所以要放在 `sess.as_default()` 里，
# 取到的值与 `sess.run` 的完全相同。
# %% [markdown] lang="en"
# In tf_keras, the weight itself, `w.value()` and the whole `model.weights` list all fetch directly.
# `model.get_weights()` works too: it borrows the current default session, so call it inside
# `sess.as_default()`; the values equal those from `sess.run`.

# %%
value = sess.run(k2_kernel)
also = sess.run(k2_kernel.value())
values = sess.run(k2.weights)
with sess.as_default():
    from_keras = k2.get_weights()  # uses the default session
print(type(value).__name__, value.shape, "|", [v.shape for v in values])
np.testing.assert_array_equal(value, also)
for a, b in zip(values, from_keras):
    np.testing.assert_array_equal(a, b)
sess.close()

# %% [markdown] lang="zh"
# ## 小结
#
# - 忘了 `super().__init__()`：tf_keras 在赋值时报错，Keras 3 要到第一次 `model(x)` 才报错，
#   原博客的 `model.call(x)` 则什么也不报。
# - 形状错误在建图时就报出；模型本身不检查秩，`Dense` 只看最后一维和最小秩。
# - 图模式下取回权重：Keras 3 用 `w.value`，tf_keras 直接用 `w`。
#
# `model.call` 与 `model(x)` 的其他差别（构建标记、参数个数、权重名、检查点）见[子类化模型](subclassed-models.md)，
# 两个版本的更多差异见 [Keras 3 与 tf_keras](keras3-vs-tf-keras.md)。
# %% [markdown] lang="en"
# ## Summary
#
# - Forgetting `super().__init__()`: tf_keras raises at the assignment, Keras 3 only at the first
#   `model(x)`, and the blog post's `model.call(x)` never complains.
# - Shape errors appear while the graph is built; the model itself does not check the rank, and
#   `Dense` only checks the last dimension and a minimum rank.
# - Fetching weights in graph mode: `w.value` in Keras 3, plain `w` in tf_keras.
#
# The other differences between `model.call` and `model(x)` (the built flag, the parameter count,
# weight names, checkpoints) are on the [Subclassed models](subclassed-models.md) page; more
# differences between the versions are in [Keras 3 vs tf_keras](keras3-vs-tf-keras.md).
