# %% [markdown] lang="zh"
# # 子类化模型与原博客的错误
#
# [原博客](quick-start.md)运行模型时写的是 `outputs = model.call(inputs, False)`，直接调用了 `call`，
# 而不是 `model(inputs)`。算出来的数没有错，错的是“账本”：模型是否已构建（`build`）、
# 参数有多少、权重叫什么名字，都和正常调用不一样。本页在图模式（graph mode）下，
# 用 TF 2.21 自带的 Keras 3 和旧版 Keras 2（`tf_keras` 包）把每一处差别都跑一遍。
#
# | 本页检查的事 | Keras 3（`tf.keras`） | tf_keras（Keras 2） |
# |---|---|---|
# | `model.call(x, False)` 之后的 `model.built` | `False`，但两个子层都已构建，4 个权重都已创建 | 同左 |
# | 接着 `count_params()` | `ValueError` | `ValueError` |
# | 接着 `summary()` | 照常打印，共 26 个参数 | `ValueError` |
# | `model(x)` 之后 | `built=True`，`count_params()` 为 26 | 同左 |
# | 图里的变量名，`model(x)` | `keras_model/kernel:0`、`keras_model/kernel_1:0`……没有层名 | `keras_model/dense/kernel:0` |
# | 图里的变量名，`model.call` | `dense/kernel:0`、`dense_1_1/kernel:0` | `dense/kernel:0`，没有模型名 |
# | 没有自定义 `build` 时的 `model.build(shape)` | 只发一条警告，标记为已构建，0 个权重 | 在占位符上调用 `call`，建好 26 个权重 |
#
# 忘了 `super().__init__()`、形状不对、在 `sess.run` 里取回 Keras 权重等常见错误见[子类化模型的常见错误](subclassed-mistakes.md)。
# %% [markdown] lang="en"
# # Subclassed models and the blog post's mistake
#
# [The blog post](quick-start.md) runs its model with `outputs = model.call(inputs, False)`: it calls `call` directly
# instead of `model(inputs)`. The numbers it computes are right. The bookkeeping is not: whether
# the model is built, how many parameters it reports and what its weights are called all differ
# from a normal call. This page runs every difference in graph mode, with TF 2.21's own Keras 3
# and with legacy Keras 2 (the `tf_keras` package).
#
# | What this page checks | Keras 3 (`tf.keras`) | tf_keras (Keras 2) |
# |---|---|---|
# | `model.built` after `model.call(x, False)` | `False`, yet both sublayers are built and all 4 weights exist | same |
# | then `count_params()` | `ValueError` | `ValueError` |
# | then `summary()` | prints normally, 26 parameters | `ValueError` |
# | after `model(x)` | `built=True`, `count_params()` is 26 | same |
# | graph variable names, `model(x)` | `keras_model/kernel:0`, `keras_model/kernel_1:0`, ...: no layer names | `keras_model/dense/kernel:0` |
# | graph variable names, `model.call` | `dense/kernel:0`, `dense_1_1/kernel:0` | `dense/kernel:0`: no model name |
# | `model.build(shape)` without a `build` method of your own | only a warning; marked built with 0 weights | calls `call` on a placeholder; 26 weights |
#
# Common mistakes (forgetting `super().__init__()`, wrong shapes, fetching a Keras weight in
# `sess.run`) are on [Subclassed models: common mistakes](subclassed-mistakes.md).

# %% [markdown] lang="zh"
# ## 准备
#
# 同一个内核里可以同时导入两个版本：`keras` 就是 Keras 3（与 `tf.keras` 是同一个东西），
# `tf_keras` 是旧版 Keras 2，也就是设置 `TF_USE_LEGACY_KERAS=1` 后 `tf.keras` 会指向的包。
# 和原博客一样，整页都在 TF1 图模式下运行。
# %% [markdown] lang="en"
# ## Setup
#
# Both versions can live in one kernel: `keras` is Keras 3 (the very same package as `tf.keras`),
# and `tf_keras` is legacy Keras 2, the package `tf.keras` would point to under
# `TF_USE_LEGACY_KERAS=1`. Like the blog post, the whole page runs in TF1 graph mode.

# %%
import os

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"

import tempfile
import warnings
from unittest import mock

import keras
import numpy as np
import tensorflow as tf
import tf_keras

tf.compat.v1.disable_eager_execution()
tf.get_logger().setLevel("ERROR")  # Saver.restore would log an INFO line with a local path

print("TensorFlow", tf.__version__)
print("tf.keras is Keras", tf.keras.__version__, "| tf_keras", tf_keras.__version__)
assert tf.keras.Model is keras.Model

# %% [markdown] lang="zh"
# 几个辅助函数。`fresh_graph()` 换一张新的默认图，并把两个版本的自动命名计数器清零，
# 这样每个实验里的名字都从 `keras_model`、`dense` 开始。
# `make_model(K)` 就是原博客的 `KerasModel`（改正后的版本，和[快速上手](quick-start.md)里一样），
# 参数 `K` 传 `keras` 或 `tf_keras`，同一份代码就能在两个版本上各跑一次。
# `print_summary()` 让两个版本的 `summary()` 都输出纯文本：Keras 3 用 `rich` 库画表格，
# 在 Jupyter 里默认会输出 HTML，这里把它的 Jupyter 检测关掉。
# 表格和前面一样时，`print_summary(model, total_only=True)` 只打印合计参数那一行。
# %% [markdown] lang="en"
# A few helpers. `fresh_graph()` starts a new default graph and resets both versions' automatic
# name counters, so each experiment's names start again at `keras_model` and `dense`.
# `make_model(K)` is the blog post's `KerasModel`, corrected as in [Quick start](quick-start.md); pass
# `keras` or `tf_keras` as `K` to run the same code on either version. `print_summary()` makes
# both versions' `summary()` print plain text: Keras 3 draws its table with the `rich` library,
# which emits HTML inside Jupyter, so the helper switches rich's Jupyter detection off. Where the
# table would repeat one shown before, `print_summary(model, total_only=True)` prints only the
# "Total params" line.


# %%
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


def show_built(model):
    print(
        f"model.built={model.built}  layera.built={model.layera.built}  "
        f"layerb.built={model.layerb.built}  len(weights)={len(model.weights)}"
    )


def print_summary(model, total_only=False):
    """summary() as plain text (total_only: just its "Total params" line). Keras 3 draws it with
    rich, which emits HTML inside Jupyter."""
    chunks = []
    with mock.patch("rich.console._is_jupyter", return_value=False):
        model.summary(print_fn=lambda text: chunks.append(text.rstrip()))
    if total_only:
        chunks = [line.strip() for c in chunks for line in c.splitlines() if "Total params" in line]
    print(*chunks, sep="\n")


input_shape = [1, 2, 3]  # the seed's shape

# %% [markdown] lang="zh"
# ## `model.call(x, False)` 与 `model(x)`
#
# `model(x)` 走的是 `Layer.__call__`：它先检查输入，必要时构建模型，打开名字作用域（name scope），
# 再调用你写的 `call`，最后记下“已构建”。`model.call(x, False)` 只做中间那一步。
# 各层的生命周期详见[层的生命周期](layer-lifecycle.md)。
#
# ### Keras 3：原博客的写法
#
# 调用 `call` 之后，两个子层（`layera`、`layerb`）都已构建，权重也都创建了：
# 子层是通过它们自己的 `__call__` 被调用的，该做的都做了。
# 只有模型本身的 `built` 还是 `False`，因为模型的 `__call__` 从未运行。
# %% [markdown] lang="en"
# ## `model.call(x, False)` versus `model(x)`
#
# `model(x)` goes through `Layer.__call__`: it checks the input, builds the model if needed, opens
# a name scope, runs your `call`, and records that the model is built. `model.call(x, False)` does
# only the middle step. See [Layer lifecycle](layer-lifecycle.md) for the whole sequence.
#
# ### Keras 3: the blog post's way
#
# After `call`, both sublayers (`layera`, `layerb`) are built and their weights exist: `call` runs
# them through their own `__call__`, which does its job. Only the model's own `built` is still
# `False`, because the model's `__call__` never ran.

# %%
k3_call_graph = fresh_graph()
inputs = tf.compat.v1.placeholder(tf.float32, shape=input_shape, name="inputs")
k3_call = make_model(keras)
outputs = k3_call.call(inputs, False)  # the seed's line
print(outputs)
show_built(k3_call)
assert not k3_call.built and k3_call.layera.built and k3_call.layerb.built
assert len(k3_call.weights) == 4

# %% [markdown] lang="zh"
# 于是 `count_params()` 拒绝工作：它只看模型自己的 `built`。
# %% [markdown] lang="en"
# So `count_params()` refuses: it only looks at the model's own `built`.

# %%
with expect(ValueError, "but the layer isn't built"):
    k3_call.count_params()

# %% [markdown] lang="zh"
# 而 `summary()` 却照常打印，连输出形状都有：它逐个查看子层的 `built`，不看模型自己的。
# 同一个模型，一个方法说“没构建”，另一个方法报出 26 个参数。
# %% [markdown] lang="en"
# Yet `summary()` prints normally, output shapes included: it checks each sublayer's `built`, never
# the model's own. One method says "not built", the other reports 26 parameters.

# %%
print_summary(k3_call)

# %% [markdown] lang="zh"
# ### Keras 3：正确的写法
#
# 换成 `model(inputs, training=False)`，模型和子层都标记为已构建，两个方法的说法也一致了。
# %% [markdown] lang="en"
# ### Keras 3: the right way
#
# With `model(inputs, training=False)`, the model and its sublayers are all marked built, and the
# two methods agree.

# %%
k3_model_graph = fresh_graph()
inputs = tf.compat.v1.placeholder(tf.float32, shape=input_shape, name="inputs")
k3_model = make_model(keras)
outputs = k3_model(inputs, training=False)
print(outputs)
show_built(k3_model)
print("count_params:", k3_model.count_params())
assert k3_model.built and k3_model.count_params() == 26
print_summary(k3_model, total_only=True)

# %% [markdown] lang="zh"
# ### tf_keras（Keras 2）
#
# 旧版的 `model.call` 同样构建了子层、留下模型的 `built=False`。
# 不同的是它的 `summary()` 也会拒绝：
# %% [markdown] lang="en"
# ### tf_keras (Keras 2)
#
# In the legacy version `model.call` also builds the sublayers and leaves the model's
# `built=False`. The difference: here `summary()` refuses too.

# %%
k2_call_graph = fresh_graph()
inputs = tf.compat.v1.placeholder(tf.float32, shape=input_shape, name="inputs")
k2_call = make_model(tf_keras)
outputs = k2_call.call(inputs, False)
print(outputs)
show_built(k2_call)
assert not k2_call.built and k2_call.layera.built and len(k2_call.weights) == 4

# %%
with expect(ValueError, "but the layer isn't built"):
    k2_call.count_params()
with expect(ValueError, "This model has not yet been built"):
    k2_call.summary()

# %% [markdown] lang="zh"
# 正确写法下，两个方法都正常。注意 tf_keras 的摘要里输出形状写的是 `multiple`，
# 而 Keras 3 写出了具体形状。
# %% [markdown] lang="en"
# Called the right way, both methods work. Note that tf_keras prints `multiple` as the output
# shape, where Keras 3 printed the real shapes.

# %%
k2_model_graph = fresh_graph()
inputs = tf.compat.v1.placeholder(tf.float32, shape=input_shape, name="inputs")
k2_model = make_model(tf_keras)
outputs = k2_model(inputs, training=False)
print(outputs)
show_built(k2_model)
print("count_params:", k2_model.count_params())
assert k2_model.built and k2_model.count_params() == 26
print_summary(k2_model)

# %% [markdown] lang="zh"
# ### 算出来的数一样
#
# 原博客的写法并不会算错。在同一个模型上先 `call` 再正常调用：第二次没有创建新变量，
# 两个输出在会话里取回的值完全相等，而且正常调用之后模型就标记为已构建了。
# %% [markdown] lang="en"
# ### The numbers are the same
#
# The blog post's way does not compute anything wrong. Use `call` and then a normal call on the same
# model: the second one creates no new variables, both outputs fetch to identical values, and after
# the normal call the model is marked built.

# %%
for K in (keras, tf_keras):
    fresh_graph()
    inputs = tf.compat.v1.placeholder(tf.float32, shape=input_shape, name="inputs")
    model = make_model(K)
    via_call = model.call(inputs, False)
    n_vars = len(tf.compat.v1.global_variables())
    via_model = model(inputs, training=False)
    assert len(tf.compat.v1.global_variables()) == n_vars  # no new variables
    data = np.random.rand(*input_shape).astype(np.float32)
    with tf.compat.v1.Session() as sess:
        sess.run(tf.compat.v1.global_variables_initializer())
        a, b = sess.run([via_call, via_model], feed_dict={inputs: data})
    np.testing.assert_array_equal(a, b)
    print(f"{K.__name__:8}  variables: {n_vars}  equal outputs: True  built now: {model.built}")


# %% [markdown] lang="zh"
# ### 自己写的 `build` 被跳过了
#
# 原博客的模型恰好没有自己的权重，所以侥幸能跑。一旦模型在 `build` 里创建权重，
# `model.call` 就会失败：只有 `__call__` 才会调用 `build`。两个版本都一样。
#
# 顺带一个版本差异：`model.weights` 的顺序不同。Keras 3 先列模型自己的权重（`scale`），
# tf_keras 先列子层的权重。按顺序调用 `set_weights` 的旧代码要留意。
# %% [markdown] lang="en"
# ### Your own `build` is skipped
#
# The blog post's model happens to own no weights itself, which is why it gets away with it. Once the
# model creates a weight in `build`, `model.call` fails: only `__call__` runs `build`. Both versions
# agree.
#
# A version difference on the side: the order of `model.weights`. Keras 3 lists the model's own
# weight (`scale`) first; tf_keras lists the sublayers' weights first. Watch out in old code that
# calls `set_weights` by position.


# %%
def make_scaled_model(K):
    class ScaledModel(K.Model):
        def __init__(self):
            super().__init__()
            self.dense = K.layers.Dense(2)

        def build(self, input_shape):
            self.scale = self.add_weight(name="scale", shape=(), initializer="ones")

        def call(self, inputs, training=False):
            return self.dense(inputs) * self.scale

    return ScaledModel()


for K in (keras, tf_keras):
    fresh_graph()
    inputs = tf.compat.v1.placeholder(tf.float32, shape=input_shape, name="inputs")
    with expect(AttributeError, "'ScaledModel' object has no attribute 'scale'"):
        make_scaled_model(K).call(inputs, False)
    model = make_scaled_model(K)
    model(inputs)
    names = [w.path if isinstance(w, keras.Variable) else w.name for w in model.weights]
    print(f"  {K.__name__} model(x) works; weights in order:", names)
    assert (model.weights[0] is model.scale) == (K is keras)

# %% [markdown] lang="zh"
# ## 权重的名字 { #weight-names }
#
# 下表列出上面四个模型的每个权重：`.name`、Keras 3 才有的 `.path`，
# 以及 TF1 图里那个 `tf.Variable` 的名字（也就是 `tf.compat.v1.global_variables()` 看到的名字）。
#
# - Keras 3 的 `.name` 只是短名 `kernel`；`.path` 才带层名。用 `model.call` 时 `.path` 里没有模型名。
# - Keras 3 在图里的变量名和 `.path` 对不上。正常调用时连层名都没有，只剩
#   `keras_model/kernel:0` 和 `keras_model/kernel_1:0`，看不出哪个属于哪一层。
#   Keras 3 第一次调用模型时，先在一张临时图（scratch graph）里把 `call` 试运行一遍，子层在那一遍里构建
#   （见[层的生命周期](layer-lifecycle.md#call-runs-twice)），子层的名字作用域没有留在变量名里。
# - tf_keras 的 `.name` 就是图里的名字；用 `model.call` 时没有 `keras_model/` 前缀。
# %% [markdown] lang="en"
# ## Weight names { #weight-names }
#
# The table lists every weight of the four models above: `.name`, `.path` (Keras 3 only), and the
# name of the `tf.Variable` in the TF1 graph (what `tf.compat.v1.global_variables()` sees).
#
# - Keras 3's `.name` is just the short name `kernel`; `.path` carries the layer names. After
#   `model.call` the `.path` has no model name.
# - Keras 3's graph names do not match `.path`. After a normal call even the layer names are gone:
#   all that is left is `keras_model/kernel:0` and `keras_model/kernel_1:0`, with nothing to say
#   which layer owns which. On the first call, Keras 3 builds the sublayers during a trial run of
#   `call` in a scratch graph (see [Layer lifecycle](layer-lifecycle.md#call-runs-twice)), and the
#   sublayers' name scopes do not end up in the variable names.
# - tf_keras's `.name` is the graph name; after `model.call` it has no `keras_model/` prefix.


# %%
def graph_name(w):
    """The name of the tf.Variable behind w, as the TF1 graph sees it."""
    return w.value.name if isinstance(w, keras.Variable) else w.name


for label, model, graph in [
    ("Keras 3, model.call(x, False)", k3_call, k3_call_graph),
    ("Keras 3, model(x)", k3_model, k3_model_graph),
    ("tf_keras, model.call(x, False)", k2_call, k2_call_graph),
    ("tf_keras, model(x)", k2_model, k2_model_graph),
]:
    print(label)
    print(f"  {'.name':28} {'.path':28} graph variable name")
    for w in model.weights:
        print(f"  {w.name:28} {getattr(w, 'path', '-'):28} {graph_name(w)}")
    in_graph = [v.name for v in graph.get_collection(tf.compat.v1.GraphKeys.GLOBAL_VARIABLES)]
    assert in_graph == [graph_name(w) for w in model.weights]

# %% [markdown] lang="zh"
# 这些名字并非无关紧要。TF1 的 `tf.compat.v1.train.Saver` 默认就用图里的变量名作检查点（checkpoint）的键。
# 下面把四张图各存一次，列出检查点里的键：同一个模型，
# 用 `model.call` 还是 `model(x)` 构建、用哪个 Keras 版本，存出来的键都不一样。
# %% [markdown] lang="en"
# These names matter. TF1's `tf.compat.v1.train.Saver` uses the graph variable names as checkpoint
# keys by default. Below, each of the four graphs is saved once and the checkpoint keys are listed:
# the same model saves different keys depending on whether it was built by `model.call` or
# `model(x)`, and on the Keras version.

# %%
for label, graph in [
    ("Keras 3, model.call", k3_call_graph),
    ("Keras 3, model(x)", k3_model_graph),
    ("tf_keras, model.call", k2_call_graph),
    ("tf_keras, model(x)", k2_model_graph),
]:
    with graph.as_default(), tempfile.TemporaryDirectory() as tmp:
        saver = tf.compat.v1.train.Saver()
        with tf.compat.v1.Session() as sess:
            sess.run(tf.compat.v1.global_variables_initializer())
            prefix = saver.save(sess, os.path.join(tmp, "ckpt"))
        keys = [name for name, _ in tf.train.list_variables(prefix)]
    print(f"{label:22}", keys)

# %% [markdown] lang="zh"
# 用 tf_keras 试一下：`model.call` 建的图存下的检查点，恢复不到 `model(x)` 建的图里，
# 因为后者要找的键带着 `keras_model/` 前缀。
# 键对不上时，可以给 `Saver` 传 `var_list={检查点里的键: 变量}` 自己配对；
# [Keras 3 与 tf_keras](keras3-vs-tf-keras.md#variable-names) 那页用它（以及 `clear_session()`）恢复了重建的 Keras 3 模型。
# %% [markdown] lang="en"
# Try it with tf_keras: a checkpoint saved from the graph built by `model.call` does not restore
# into the graph built by `model(x)`, whose keys carry the `keras_model/` prefix. When keys do not
# match, give `Saver` a `var_list={checkpoint_key: variable}` to pair them yourself; the
# [Keras 3 vs tf_keras](keras3-vs-tf-keras.md#variable-names) page restores a rebuilt Keras 3 model
# that way (and with `clear_session()`).

# %%
with tempfile.TemporaryDirectory() as tmp:
    with k2_call_graph.as_default(), tf.compat.v1.Session() as sess:
        sess.run(tf.compat.v1.global_variables_initializer())
        prefix = tf.compat.v1.train.Saver().save(sess, os.path.join(tmp, "ckpt"))
    with k2_model_graph.as_default(), tf.compat.v1.Session() as sess:
        saver = tf.compat.v1.train.Saver()
        with expect(tf.errors.NotFoundError, "not found in checkpoint"):
            saver.restore(sess, prefix)

# %% [markdown] lang="zh"
# ## `Model.build(input_shape)`
#
# 不想传入真数据、只想先把权重建出来，很多人会调用 `model.build(shape)`。
# 对一个自己没有写 `build` 方法的子类化模型，两个版本的做法截然不同。
#
# ### Keras 3
#
# Keras 3 的 `Model` 没有自己的 `build`，用的是 `Layer.build` 的默认实现：它不会追踪 `call`，
# 只发一条警告（`UserWarning`），然后把模型标记为已构建。结果是 `built=True`，
# 却一个权重也没有，图里也没有新增任何占位符或变量；`count_params()` 返回 0，
# `summary()` 显示 `0 (unbuilt)`。
# %% [markdown] lang="en"
# ## `Model.build(input_shape)`
#
# To create the weights without feeding real data, many people call `model.build(shape)`. For a
# subclassed model without a `build` method of its own, the two versions do very different things.
#
# ### Keras 3
#
# Keras 3's `Model` has no `build` of its own; it inherits the default `Layer.build`. That default
# does not trace `call`: it issues a `UserWarning` and marks the model built. The result is
# `built=True` with no weights at all and no new placeholder or variable in the graph;
# `count_params()` returns 0 and `summary()` says `0 (unbuilt)`.

# %%
graph = fresh_graph()
k3_built = make_model(keras)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    k3_built.build(tuple(input_shape))
for w in caught:
    print(f"{w.category.__name__}: {w.message}")
show_built(k3_built)
print("count_params:", k3_built.count_params())
print(
    "new ops:",
    [op.name for op in graph.get_operations() if op.type in ("Placeholder", "VarHandleOp")],
)
assert k3_built.built and k3_built.weights == [] and len(caught) == 1
print_summary(k3_built)

# %% [markdown] lang="zh"
# 不算致命：第一次真正调用模型时，子层会各自在自己的 `__call__` 里构建。
# 只是在那之前，`built`、`count_params()` 和 `summary()` 都在说假话。
# %% [markdown] lang="en"
# It is not fatal: at the first real call, each sublayer builds itself in its own `__call__`.
# Until then, `built`, `count_params()` and `summary()` all tell you something untrue.

# %%
inputs = tf.compat.v1.placeholder(tf.float32, shape=input_shape, name="inputs")
outputs = k3_built(inputs)
show_built(k3_built)
print("count_params:", k3_built.count_params())
assert k3_built.count_params() == 26

# %% [markdown] lang="zh"
# 想让 `model.build(shape)` 在 Keras 3 里真正建出权重，就自己写 `build`，在里面逐个构建子层。
# 最后一行 `self.built = True` 是给 tf_keras 准备的（Keras 3 会自动设置）。
# 同一份代码在两个版本上都不再发警告，都得到 26 个参数：
# %% [markdown] lang="en"
# To make `model.build(shape)` really create the weights in Keras 3, write your own `build` that
# builds each sublayer. The last line, `self.built = True`, is for tf_keras (Keras 3 sets it for
# you). The same code builds without warnings and gives 26 parameters on both versions:


# %%
def make_buildable_model(K):
    class BuildableModel(K.Model):
        def __init__(self):
            super().__init__()
            self.layera = K.layers.Dense(4, activation="relu")
            self.layerb = K.layers.Dense(2)

        def build(self, input_shape):
            self.layera.build(input_shape)
            self.layerb.build(self.layera.compute_output_shape(input_shape))
            self.built = True  # tf_keras needs this; Keras 3 sets it anyway

        def call(self, inputs, training=False):
            return self.layerb(self.layera(inputs))

    return BuildableModel()


for K in (keras, tf_keras):
    fresh_graph()
    model = make_buildable_model(K)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        model.build(tuple(input_shape))
    assert caught == [] and model.count_params() == 26
    print(f"{K.__name__:8}  built={model.built}  count_params={model.count_params()}")

# %% [markdown] lang="zh"
# ### tf_keras
#
# tf_keras 的 `Model.build` 专门照顾子类化模型：按给定形状建一个占位符，
# 然后**直接调用 `self.call`**——也就是原博客的写法——最后标记为已构建。
# 在图模式下，这个占位符就建在当前的默认图里。
# 因为走的是 `call` 而不是 `__call__`，权重名和 `model.call` 的一样，没有 `keras_model/` 前缀。
# %% [markdown] lang="en"
# ### tf_keras
#
# tf_keras's `Model.build` has a special path for subclassed models: it creates a placeholder of
# the given shape, **calls `self.call` directly** (the blog post's way!), and then marks the model
# built. In graph mode the placeholder lands in the current default graph. Because it goes
# through `call`, not `__call__`, the weight names are those of `model.call`, without the
# `keras_model/` prefix.

# %%
graph = fresh_graph()
k2_built = make_model(tf_keras)
k2_built.build(tuple(input_shape))
show_built(k2_built)
print("count_params:", k2_built.count_params())
print("weights:", [w.name for w in k2_built.weights])
print(
    "new ops:",
    [op.name for op in graph.get_operations() if op.type in ("Placeholder", "VarHandleOp")],
)
assert k2_built.count_params() == 26
assert [w.name for w in k2_built.weights] == [w.name for w in k2_call.weights]
print_summary(k2_built, total_only=True)

# %% [markdown] lang="zh"
# 它的局限：占位符只能替代 `inputs` 这一个参数（外加 `training`）。
# 如果 `call` 还有别的必填参数，tf_keras 就拒绝构建，让你拿真数据去调用模型。
# 同样的模型交给 Keras 3，不报错，只有那条警告，照样是 0 个权重。
# %% [markdown] lang="en"
# Its limit: the placeholder can only stand in for the `inputs` argument (plus `training`). If
# `call` has another required argument, tf_keras refuses to build and tells you to call the model on
# real data. Given the same model, Keras 3 raises nothing: the same warning, and again 0 weights.


# %%
def make_two_arg_model(K):
    class TwoArgModel(K.Model):
        def __init__(self):
            super().__init__()
            self.dense = K.layers.Dense(2)

        def call(self, inputs, scale):
            return self.dense(inputs) * scale

    return TwoArgModel()


fresh_graph()
with expect(ValueError, "you cannot build your model if it has positional or keyword arguments"):
    make_two_arg_model(tf_keras).build(tuple(input_shape))

model = make_two_arg_model(keras)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    model.build(tuple(input_shape))
print("Keras 3:", len(caught), "warning;", f"built={model.built}, weights={len(model.weights)}")
assert model.built and model.weights == []

# %% [markdown] lang="zh"
# ## 小结
#
# - 调用模型用 `model(x)`，别学原博客写 `model.call(x, False)`。结果的数值一样，
#   但 `call` 跳过了模型的 `build`、名字作用域和“已构建”标记。
# - `model.call` 之后 `model.built` 是 `False`，`count_params()` 报错；
#   Keras 3 的 `summary()` 却照常打印，tf_keras 的 `summary()` 报错。
# - 模型自己的 `build` 里创建的权重，`model.call` 根本不会创建。
# - Keras 3 里 `.name` 是短名，`.path` 是完整路径，而图里的变量名两者都不是；
#   TF1 `Saver` 的检查点键随构建方式和 Keras 版本变化。
# - 没有自定义 `build` 时，Keras 3 的 `model.build(shape)` 只发警告、不建权重；
#   tf_keras 的则在占位符上调用 `call`。要可靠，就自己写 `build`，逐个构建子层。
#
# 常见错误见[子类化模型的常见错误](subclassed-mistakes.md)，
# 两个版本的更多差异见 [Keras 3 与 tf_keras](keras3-vs-tf-keras.md)，
# `training` 参数见[训练模式与推理模式](training-mode.md)，术语见[术语表](glossary.md)。
# %% [markdown] lang="en"
# ## Summary
#
# - Call a model as `model(x)`, not the blog post's `model.call(x, False)`. The numbers are the same,
#   but `call` skips the model's `build`, its name scope and its "built" flag.
# - After `model.call`, `model.built` is `False` and `count_params()` raises; Keras 3's
#   `summary()` still prints, while tf_keras's `summary()` raises.
# - Weights that the model creates in its own `build` are never created by `model.call`.
# - In Keras 3, `.name` is the short name and `.path` the full path, and the graph variable name
#   is neither; TF1 `Saver` checkpoint keys change with how the model was built and with the Keras
#   version.
# - Without a `build` of your own, Keras 3's `model.build(shape)` only warns and creates nothing;
#   tf_keras's calls `call` on a placeholder. To be safe, write a `build` that builds each sublayer.
#
# Common mistakes are on [Subclassed models: common mistakes](subclassed-mistakes.md). More
# differences between the versions are in [Keras 3 vs tf_keras](keras3-vs-tf-keras.md), the
# `training` argument in [training and inference mode](training-mode.md), and the terms in the
# [glossary](glossary.md).
