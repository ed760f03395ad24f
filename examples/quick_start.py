# %% [markdown] lang="zh"
# # 快速上手：把原博客的 KerasModel 跑起来
#
# 这个教程源自一篇中文博客，本站称它“原博客”。它引用了 `Layer.build` / `Layer.call` 和 `Session.run` 的官方文档，
# 最后给了一段“在会话（`Session`）里运行子类化 Keras 模型”的代码。可惜那段代码一行也跑不起来。
# 本页先给出改好的、能在会话里运行的[版本](#working-version)；
# 再逐条看[原博客错在哪里](#blog-post-mistakes)，每一条都用真实运行的报错来证明。
#
# | 原博客的写法 | 运行结果 | 正确写法 |
# |---|---|---|
# | [`Class KerasModel(...)`](#seed-class) | `SyntaxError` | `class KerasModel(...)` |
# | [`tf.models.Model`](#seed-tf-models) | `AttributeError` | `tf.keras.Model` |
# | [`tf.layer.A`](#seed-tf-models) | `AttributeError` | `tf.keras.layers.Dense(...)` 等具体的层 |
# | [`def _build(self)` 里建层](#seed-build) | Keras 从不调用 `_build`，层不存在 | 在 `__init__` 里建层（或用 `build(input_shape)` 建权重） |
# | [`def call(input, training)` 少了 `self`](#seed-call-self) | `TypeError` | `def call(self, inputs, training=False)` |
# | [`tf.placeholder(..., dtype=y)`](#seed-tf1-api) | `AttributeError`（TF 2 里没有） | `tf.compat.v1.placeholder(tf.float32, ...)` |
# | [`model.call(inputs, False)`](#seed-model-call) | 绕过 `__call__`：不构建（在 `build` 里建的层不存在），`built` 仍是 `False`，不填 `training`、`mask` | `model(inputs, training=False)` |
# | [`tf.Session(tf.ConfigProto())`](#seed-session-config) | `AttributeError`；把配置放错位置还会 `TypeError` | `tf.compat.v1.Session(config=tf.compat.v1.ConfigProto())` |
#
# 本页在 TensorFlow 2.21 上运行，`tf.keras` 就是 Keras 3。
# %% [markdown] lang="en"
# # Quick start: make the blog post's KerasModel run
#
# This tutorial grew out of a Chinese blog post; this site calls it "the blog post". It quotes
# the official docs of `Layer.build` / `Layer.call` and `Session.run`, then shows code that runs a subclassed Keras
# model inside a `Session`. Not one line of that code runs. This page starts with
# [the version that works](#working-version), in a session; then it goes through
# [each mistake in the blog post](#blog-post-mistakes) and proves it with the real error.
#
# | The blog post's code | What happens | Correct code |
# |---|---|---|
# | [`Class KerasModel(...)`](#seed-class) | `SyntaxError` | `class KerasModel(...)` |
# | [`tf.models.Model`](#seed-tf-models) | `AttributeError` | `tf.keras.Model` |
# | [`tf.layer.A`](#seed-tf-models) | `AttributeError` | a concrete layer such as `tf.keras.layers.Dense(...)` |
# | [layers created in `def _build(self)`](#seed-build) | Keras never calls `_build`, so the layers never exist | create layers in `__init__` (or weights in `build(input_shape)`) |
# | [`def call(input, training)` without `self`](#seed-call-self) | `TypeError` | `def call(self, inputs, training=False)` |
# | [`tf.placeholder(..., dtype=y)`](#seed-tf1-api) | `AttributeError` (gone in TF 2) | `tf.compat.v1.placeholder(tf.float32, ...)` |
# | [`model.call(inputs, False)`](#seed-model-call) | bypasses `__call__`: no build (layers made in `build` do not exist), `built` stays `False`, no `training` or `mask` filled in | `model(inputs, training=False)` |
# | [`tf.Session(tf.ConfigProto())`](#seed-session-config) | `AttributeError`; a misplaced config also gives `TypeError` | `tf.compat.v1.Session(config=tf.compat.v1.ConfigProto())` |
#
# Everything here runs on TensorFlow 2.21, where `tf.keras` is Keras 3.

# %% [markdown] lang="zh"
# ## 准备
#
# 先关掉 TensorFlow 的 C++ 日志（必须在 `import tensorflow` 之前设置），
# 再切换到 TF1 的图模式（graph mode）：之后创建的张量都只是图里的节点，要在会话里运行才有值。
# 随机种子固定下来，每次运行的输出都一样。换一种 CPU，浮点结果的最后几位可能不同，所以结果四舍五入后再打印。
# %% [markdown] lang="en"
# ## Setup
#
# Silence TensorFlow's C++ logging (this must happen before `import tensorflow`), then switch to
# TF1 graph mode: from here on, tensors are nodes in a graph and only get values inside a session.
# Fixed seeds make every run print the same numbers. On another kind of CPU the last digits of
# float results can differ, so results are printed rounded.

# %%
import os

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"

import numpy as np
import tensorflow as tf

tf.compat.v1.disable_eager_execution()
tf.keras.utils.set_random_seed(0)

print("TensorFlow", tf.__version__)
print("tf.keras is", tf.keras.__name__, tf.keras.__version__)
print("executing eagerly:", tf.executing_eagerly())

# %% [markdown] lang="zh"
# ## 能运行的版本 {#working-version}
#
# 改正后的模型：在 `__init__` 里先调用 `super().__init__()`，再创建子层；
# `call` 带上 `self`，`training` 给默认值，并且把它继续传给子层。
# %% [markdown] lang="en"
# ## The version that works {#working-version}
#
# The corrected model calls `super().__init__()` first and creates its sublayers in `__init__`.
# `call` takes `self`, gives `training` a default, and passes it on to the sublayers.


# %%
class KerasModel(tf.keras.Model):
    def __init__(self):
        super().__init__()
        self.layera = tf.keras.layers.Dense(4, activation="relu")
        self.layerb = tf.keras.layers.Dense(2)

    def call(self, inputs, training=False):
        x = self.layera(inputs, training=training)
        return self.layerb(x, training=training)


# %% [markdown] lang="zh"
# 建图：一个占位符（`placeholder`）作为输入，调用模型得到输出张量。
# 注意是 `model(inputs, training=False)` 而不是原博客的 `model.call(...)`：
# `__call__` 会先构建（`build`）各层、创建权重，再调用 `call`
# （这个模型没有 `build`，Keras 3 构建时会先在一张临时图里把 `call` 试运行一遍，
# 见[层的生命周期](layer-lifecycle.md#call-runs-twice)）。
# 此时输出只是图里的一个符号张量，还没有值。
# %% [markdown] lang="en"
# Build the graph: a `placeholder` as input, and the model called on it. Call
# `model(inputs, training=False)`, not `model.call(...)` as the blog post does: `__call__` builds
# the layers and creates their weights before it runs `call` (this model has no `build`, so Keras 3
# first tries `call` out in a scratch graph; see
# [Layer lifecycle](layer-lifecycle.md#call-runs-twice)). The output is a symbolic tensor in the
# graph, with no value yet.

# %%
input_shape = [1, 2, 3]
inputs = tf.compat.v1.placeholder(tf.float32, shape=input_shape, name="inputs")
model = KerasModel()
outputs = model(inputs, training=False)

print(outputs)
print("built:", model.built)
print("weights:", [tuple(w.shape) for w in model.weights])
assert outputs.shape == (1, 2, 2)

# %% [markdown] lang="zh"
# 运行：在会话里先运行变量初始化器（`initializer`），再取回（`fetch`）输出，
# 通过 `feed_dict` 把 numpy 数组馈送（`feed`）给占位符。
# `with` 语句结束时会话自动关闭。
# %% [markdown] lang="en"
# Run it: inside the session, run the variable initializer first, then `fetch` the output while
# `feed_dict` feeds a numpy array to the placeholder. The `with` block closes the session.

# %%
inputs_data = np.random.rand(*input_shape).astype(np.float32)
init = tf.compat.v1.global_variables_initializer()

with tf.compat.v1.Session(config=tf.compat.v1.ConfigProto()) as sess:
    sess.run(init)
    result = sess.run(outputs, feed_dict={inputs: inputs_data})

print(type(result).__name__, result.dtype, result.shape)
print(result.round(4))  # rounded: the last digits of float32 results differ between CPUs
assert isinstance(result, np.ndarray) and result.shape == (1, 2, 2)

# %% [markdown] lang="zh"
# 取回的是普通的 numpy 数组。形状不对的输入在馈送时就被拒绝，
# 因为占位符声明了形状 `[1, 2, 3]`：
# %% [markdown] lang="en"
# What comes back is a plain numpy array. An input of the wrong shape is rejected at feed time,
# because the placeholder declares the shape `[1, 2, 3]`:

# %%
with tf.compat.v1.Session() as sess:
    sess.run(init)
    with expect(ValueError, "Cannot feed value of shape (2, 3)"):
        sess.run(outputs, feed_dict={inputs: np.zeros((2, 3))})

# %% [markdown] lang="zh"
# ## 原博客错在哪里 {#blog-post-mistakes}
#
# 原博客的代码（原样照录）：
#
# ```text
# Class KerasModel(tf.models.Model)
#
# def __init__(self):
# def _build(self):
#     # 定义model的核心层
#     self.layera = tf.layer.A
#     self.layerb = tf.layer.B
#
# def call(input,training):
#     # 定义各层的计算逻辑
#     x = inputs
#     x = self.layera(x)
#     x = self.layerb(x)
#     return x
#
# ==============run the KerasModel========
# input_shape = [1,2,3]
# inputs = tf.placeholder(shape=input_shape,dtype=y)
# inputs_data = np.random.rand(*input_shape)
# model = KerasModel()
# outputs = model.call(inputs,False)
# with tf.Session(tf.ConfigProto()) as sess:
# ```
#
# 下面每个错误一小节，点开就能看到：每一格都真的运行一遍原博客的写法，
# 并检查抛出的正是表里说的那种错误。
#
# ### 错误 1：`Class` 不是关键字 {#seed-class .collapsible}
#
# Python 的关键字是小写的 `class`。`Class` 只是一个普通名字，后面再跟一个名字就不合语法了。
# %% [markdown] lang="en"
# ## What is wrong in the blog post {#blog-post-mistakes}
#
# The blog post's code, verbatim:
#
# ```text
# Class KerasModel(tf.models.Model)
#
# def __init__(self):
# def _build(self):
#     # 定义model的核心层
#     self.layera = tf.layer.A
#     self.layerb = tf.layer.B
#
# def call(input,training):
#     # 定义各层的计算逻辑
#     x = inputs
#     x = self.layera(x)
#     x = self.layerb(x)
#     return x
#
# ==============run the KerasModel========
# input_shape = [1,2,3]
# inputs = tf.placeholder(shape=input_shape,dtype=y)
# inputs_data = np.random.rand(*input_shape)
# model = KerasModel()
# outputs = model.call(inputs,False)
# with tf.Session(tf.ConfigProto()) as sess:
# ```
#
# Each mistake has its own section below; open one to see it. Every cell runs one of the blog
# post's lines and checks that it raises exactly the error the table promises.
#
# ### Mistake 1: `Class` is not a keyword {#seed-class .collapsible}
#
# The Python keyword is lower-case `class`. `Class` is an ordinary name, and a name followed by
# another name is not valid syntax.

# %%
with expect(SyntaxError, "invalid syntax"):
    compile("Class KerasModel(tf.keras.Model):\n    pass\n", "<seed>", "exec")

# %% [markdown] lang="zh"
# ### 错误 2：`tf.models` 和 `tf.layer` 不存在 {#seed-tf-models .collapsible}
#
# 模型基类是 `tf.keras.Model`。`tf.layer.A`、`tf.layer.B` 只是原博客的占位写法，
# 要换成具体的层，例如 `tf.keras.layers.Dense`。
# %% [markdown] lang="en"
# ### Mistake 2: `tf.models` and `tf.layer` do not exist {#seed-tf-models .collapsible}
#
# The model base class is `tf.keras.Model`. `tf.layer.A` and `tf.layer.B` are placeholders in the
# blog post: use concrete layers such as `tf.keras.layers.Dense`.

# %%
with expect(AttributeError, "has no attribute 'models'"):
    tf.models.Model
with expect(AttributeError, "has no attribute 'layer'"):
    tf.layer.A

# %% [markdown] lang="zh"
# ### 错误 3：`_build` 从来不会被调用 {#seed-build .collapsible}
#
# Keras 只认识 `build(self, input_shape)`：第一次调用层时，`__call__` 会自动调用它。
# 名字叫 `_build` 的方法没有人调用，所以 `self.layera` 根本不存在，
# 到 `call` 里用它时就报 `AttributeError`。
# %% [markdown] lang="en"
# ### Mistake 3: `_build` is never called {#seed-build .collapsible}
#
# Keras only knows `build(self, input_shape)`, which `__call__` runs on the first call. Nobody
# calls a method named `_build`, so `self.layera` never exists, and `call` fails with
# `AttributeError` when it uses it.


# %%
class SeedModel(tf.keras.Model):
    def _build(self):
        self.layera = tf.keras.layers.Dense(4)

    def call(self, inputs, training=False):
        return self.layera(inputs)


x = tf.compat.v1.placeholder(tf.float32, shape=[1, 2, 3])
with expect(AttributeError, "'SeedModel' object has no attribute 'layera'"):
    SeedModel()(x)

# %% [markdown] lang="zh"
# ### 错误 4：`call` 少了 `self` {#seed-call-self .collapsible}
#
# `call` 是实例方法，第一个参数总是实例本身。原博客写成 `call(input, training)`，
# 于是实例被塞进了 `input`，真正的输入占了 `training` 的位置。
# 用 `model(x, training=False)` 调用时，`training` 就拿到了两个值：
# %% [markdown] lang="en"
# ### Mistake 4: `call` without `self` {#seed-call-self .collapsible}
#
# `call` is an instance method: its first parameter is always the instance. With
# `call(input, training)` the instance lands in `input` and the real input takes the place of
# `training`. Called as `model(x, training=False)`, `training` receives two values:


# %%
class NoSelfModel(tf.keras.Model):
    def call(inputs, training):  # the seed's mistake: no self
        return inputs


with expect(TypeError, "multiple values for argument 'training'"):
    NoSelfModel()(x, training=False)

# %% [markdown] lang="zh"
# ### 错误 5：TF 2 的顶层没有 `tf.placeholder` 和 `tf.Session` {#seed-tf1-api .collapsible}
#
# TF1 的图模式接口（`placeholder`、`Session`、`ConfigProto`）都搬到了 `tf.compat.v1` 下面。原博客的 `dtype=y` 里 `y` 也没有定义，
# 应该写一个真正的数据类型，比如 `tf.float32`。
# %% [markdown] lang="en"
# ### Mistake 5: TF 2 has no top-level `tf.placeholder` or `tf.Session` {#seed-tf1-api .collapsible}
#
# The TF1 graph-mode API (`placeholder`, `Session`, `ConfigProto`) now lives under
# `tf.compat.v1`. The blog post's `dtype=y` names an undefined
# `y`; write a real dtype such as `tf.float32`.

# %%
with expect(AttributeError, "has no attribute 'placeholder'"):
    tf.placeholder
with expect(AttributeError, "has no attribute 'Session'"):
    tf.Session
with expect(NameError, "name 'y' is not defined"):
    tf.compat.v1.placeholder(shape=[1, 2, 3], dtype=y)  # noqa: F821 -- the seed's undefined y
with expect(AttributeError, "has no attribute 'ConfigProto'"):
    tf.ConfigProto

# %% [markdown] lang="zh"
# ### 错误 6：`model.call(inputs, False)` 绕过了 `__call__` {#seed-model-call .collapsible}
#
# `call` 只是一个普通方法。`model.call(...)` 直接调用它，`__call__` 平时做的事就都没有发生：
#
# - 没有构建。模型要是在 `build(input_shape)` 里才创建子层，`call` 用到时子层还不存在，
#   报 `AttributeError`；同一个模型用 `model(inputs)` 调用就没事。
# - 子层在 `__init__` 里建好时，`call` 能运行，但模型自己的 `built` 仍是 `False`，
#   输出的操作也不在模型的名字作用域（name scope）里：`model(inputs)` 建的操作名以 `keras_model` 开头
#   （图里还加了序号 `_1`），`model.call` 建的只有层自己的名字。在会话里按名字取回时，要用的名字就不一样。
# - `training` 和 `mask` 也没人填，`call` 只拿到签名里的默认值，
#   见[层的生命周期](layer-lifecycle.md#calling-call-directly)。
# %% [markdown] lang="en"
# ### Mistake 6: `model.call(inputs, False)` bypasses `__call__` {#seed-model-call .collapsible}
#
# `call` is an ordinary method. `model.call(...)` calls it directly, so nothing that `__call__`
# normally does happens:
#
# - No build. If the model creates its sublayers in `build(input_shape)`, they do not exist yet
#   when `call` uses them: `AttributeError`. The same model called as `model(inputs)` works.
# - With sublayers created in `__init__`, `call` runs, but the model's own `built` stays `False`,
#   and the output op is not inside the model's name scope: the ops `model(inputs)` builds are
#   named `keras_model…/` (the graph adds a number, `_1`), those of `model.call` carry only the
#   layer's name. To fetch by name in a session, you need a different name.
# - Nobody fills in `training` and `mask` either; `call` gets only its signature's defaults; see
#   [Layer lifecycle](layer-lifecycle.md#calling-call-directly).


# %%
class BuildModel(tf.keras.Model):
    """Creates its sublayers in build(), once the input shape is known."""

    def build(self, input_shape):
        self.layera = tf.keras.layers.Dense(4, activation="relu")
        self.layerb = tf.keras.layers.Dense(2)

    def call(self, inputs, training=False):
        x = self.layera(inputs, training=training)
        return self.layerb(x, training=training)


with expect(AttributeError, "'BuildModel' object has no attribute 'layera'"):
    BuildModel().call(inputs, False)  # the blog post's way
print("BuildModel()(inputs, training=False):", BuildModel()(inputs, training=False).shape)

bypassed = KerasModel()
bypassed_outputs = bypassed.call(inputs, False)
for how, m, out in [
    ("model(inputs)", model, outputs),
    ("model.call(inputs)", bypassed, bypassed_outputs),
]:
    print(f"{how:18} built={m.built!s:5} output op: {out.name}")
# Keras numbers the model's scope in the graph (keras_model_1/...): compare the prefix only
assert model.built and outputs.name.startswith(model.name)
assert not bypassed.built and not bypassed_outputs.name.startswith(bypassed.name)

# %% [markdown] lang="zh"
# ### 错误 7：配置要用关键字参数传给 `Session` {#seed-session-config .collapsible}
#
# `Session` 的第一个位置参数是 `target`（要连接的执行引擎地址），不是配置。
# 原博客的 `Session(ConfigProto())` 因此报 `TypeError`，TensorFlow 的报错里也提示了正确写法。
# 构造失败的 `Session` 被回收时，它的 `__del__` 还会再打印一条被忽略的 `AttributeError`；
# 下面把 Python 的 `sys.unraisablehook` 换成只打印一行，好让你看见它而不看到本机路径。
# %% [markdown] lang="en"
# ### Mistake 7: pass the config to `Session` by keyword {#seed-session-config .collapsible}
#
# The first positional parameter of `Session` is `target` (the address of the execution engine),
# not the config. The blog post's `Session(ConfigProto())` therefore raises `TypeError`, and TensorFlow's
# message even suggests the fix. When the half-built `Session` is garbage-collected, its `__del__`
# reports one more, ignored, `AttributeError`; below, Python's `sys.unraisablehook` prints it on one
# line so that you see it without local paths.

# %%
import sys


def print_unraisable(info):
    print(f"ignored in {info.object.__qualname__}: {info.exc_type.__name__}: {info.exc_value}")


sys.unraisablehook = print_unraisable
with expect(TypeError, 'Did you do "Session(config)" instead of "Session(config=config)"?'):
    tf.compat.v1.Session(tf.compat.v1.ConfigProto())
sys.unraisablehook = sys.__unraisablehook__

# %% [markdown] lang="zh"
# ## 小结
#
# - 层在 `__init__` 里创建；权重由 `build` 在第一次调用时创建，别自己起名叫 `_build`。
# - 调用模型用 `model(x)`，它负责构建再调用 `call`；`call` 的第一个参数是 `self`。
# - TF 2 里的图模式接口在 `tf.compat.v1` 下：`placeholder`、`Session`、`ConfigProto`、
#   `global_variables_initializer`。
# - `Session` 的配置要写成 `config=...`。
#
# ## 下一步
#
# - [层的生命周期](layer-lifecycle.md)：`__init__`、`__call__`、`build`、`call` 各在什么时候运行，`call` 收到什么。
# - [`training` 参数](training-mode.md)：训练模式与推理模式怎样传到每一层。
# - [取回](session-fetches.md)：`Session.run` 对每种取回对象还给你什么。
# - [`feed_dict`](session-feed-dict.md)：馈送的全部规则。
# - [在会话里训练子类化模型](train-in-session.md)：从建图、损失、优化器到逐步训练，完整走一遍。
# - [把 TF1 的训练步迁移到 TF2](migrate-training-step.md)：同一个训练步，从 `Session.run` 改成 TF2 写法。
# - [读懂 TensorFlow 的报错](reading-errors.md)：一条报错消息各部分说的是什么。
# %% [markdown] lang="en"
# ## Summary
#
# - Create layers in `__init__`; weights are created by `build` on the first call. Do not invent
#   `_build`.
# - Call a model as `model(x)`: it builds, then runs `call`. The first parameter of `call` is
#   `self`.
# - TF 2 keeps the graph-mode API under `tf.compat.v1`: `placeholder`, `Session`, `ConfigProto`,
#   `global_variables_initializer`.
# - Pass the session config as `config=...`.
#
# ## Where next
#
# - [Layer lifecycle](layer-lifecycle.md): when `__init__`, `__call__`, `build` and `call` run,
#   and what `call` receives.
# - [The `training` argument](training-mode.md): how training and inference mode reach every
#   layer.
# - [Fetches](session-fetches.md): what `Session.run` gives back for each kind of fetch.
# - [`feed_dict`](session-feed-dict.md): every rule of feeding.
# - [Train a subclassed model in a session](train-in-session.md): graph, loss, optimizer and
#   training steps, end to end.
# - [Migrate a TF1 training step to TF2](migrate-training-step.md): one training step, from
#   `Session.run` to TF2 code.
# - [Reading a TensorFlow error](reading-errors.md): what each part of an error message says.
