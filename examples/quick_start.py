# %% [markdown] lang="zh"
# # 快速上手：把原文的 KerasModel 跑起来
#
# 这个教程源自一篇中文博客。博客引用了 `Layer.build` / `Layer.call` 和 `Session.run` 的官方文档，
# 最后给了一段“在会话（`Session`）里运行子类化 Keras 模型”的代码。可惜那段代码一行也跑不起来。
# 本页先逐条指出错在哪里，每一条都用真实运行的报错来证明；再给出能运行的版本。
#
# | 原文写法 | 运行结果 | 正确写法 |
# |---|---|---|
# | `Class KerasModel(...)` | `SyntaxError` | `class KerasModel(...)` |
# | `tf.models.Model` | `AttributeError` | `tf.keras.Model` |
# | `tf.layer.A` | `AttributeError` | `tf.keras.layers.Dense(...)` 等具体的层 |
# | `def _build(self)` 里建层 | Keras 从不调用 `_build`，层不存在 | 在 `__init__` 里建层（或用 `build(input_shape)` 建权重） |
# | `def call(input, training)` 少了 `self` | `TypeError` | `def call(self, inputs, training=False)` |
# | `tf.placeholder(..., dtype=y)` | `AttributeError`（TF 2 里没有） | `tf.compat.v1.placeholder(tf.float32, ...)` |
# | `model.call(inputs, False)` | 绕过了 `__call__` | `model(inputs, training=False)` |
# | `tf.Session(tf.ConfigProto())` | `AttributeError`；把配置放错位置还会 `TypeError` | `tf.compat.v1.Session(config=tf.compat.v1.ConfigProto())` |
#
# 本页在 TensorFlow 2.21 上运行，`tf.keras` 就是 Keras 3。
# %% [markdown] lang="en"
# # Quick start: make the seed's KerasModel run
#
# This tutorial grew out of a Chinese blog post. The post quotes the official docs of
# `Layer.build` / `Layer.call` and `Session.run`, then shows code that runs a subclassed Keras
# model inside a `Session`. Not one line of that code runs. This page shows each mistake, proves it
# with the real error, and then builds the version that works.
#
# | Seed code | What happens | Correct code |
# |---|---|---|
# | `Class KerasModel(...)` | `SyntaxError` | `class KerasModel(...)` |
# | `tf.models.Model` | `AttributeError` | `tf.keras.Model` |
# | `tf.layer.A` | `AttributeError` | a concrete layer such as `tf.keras.layers.Dense(...)` |
# | layers created in `def _build(self)` | Keras never calls `_build`, so the layers never exist | create layers in `__init__` (or weights in `build(input_shape)`) |
# | `def call(input, training)` without `self` | `TypeError` | `def call(self, inputs, training=False)` |
# | `tf.placeholder(..., dtype=y)` | `AttributeError` (gone in TF 2) | `tf.compat.v1.placeholder(tf.float32, ...)` |
# | `model.call(inputs, False)` | bypasses `__call__` | `model(inputs, training=False)` |
# | `tf.Session(tf.ConfigProto())` | `AttributeError`; a misplaced config also gives `TypeError` | `tf.compat.v1.Session(config=tf.compat.v1.ConfigProto())` |
#
# Everything here runs on TensorFlow 2.21, where `tf.keras` is Keras 3.

# %% [markdown] lang="zh"
# ## 准备
#
# 先关掉 TensorFlow 的 C++ 日志（必须在 `import tensorflow` 之前设置），
# 再切换到 TF1 的图模式（`graph mode`）：之后创建的张量都只是图里的节点，要在会话里运行才有值。
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
# ## 原文错在哪里
#
# 原文的代码（原样照录）：
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
#     ...
# inputs = tf.placeholder(shape=input_shape,dtype=y)
# model = KerasModel()
# outputs = model.call(inputs,False)
# with tf.Session(tf.ConfigProto()) as sess:
# ```
#
# 下面每一格都真的运行一遍原文的写法，并检查抛出的正是表里说的那种错误。
#
# ### `Class` 是语法错误
#
# Python 的关键字是小写的 `class`。`Class` 只是一个普通名字，后面再跟一个名字就不合语法了。
# %% [markdown] lang="en"
# ## What is wrong in the seed
#
# The seed's code, verbatim:
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
#     ...
# inputs = tf.placeholder(shape=input_shape,dtype=y)
# model = KerasModel()
# outputs = model.call(inputs,False)
# with tf.Session(tf.ConfigProto()) as sess:
# ```
#
# Each cell below runs one of the seed's lines and checks that it raises exactly the error the
# table promises.
#
# ### `Class` is a syntax error
#
# The Python keyword is lower-case `class`. `Class` is an ordinary name, and a name followed by
# another name is not valid syntax.

# %%
with expect(SyntaxError, "invalid syntax"):
    compile("Class KerasModel(tf.keras.Model):\n    pass\n", "<seed>", "exec")

# %% [markdown] lang="zh"
# ### `tf.models` 和 `tf.layer` 不存在
#
# 模型基类是 `tf.keras.Model`。`tf.layer.A`、`tf.layer.B` 只是原文的占位写法，
# 要换成具体的层，例如 `tf.keras.layers.Dense`。
# %% [markdown] lang="en"
# ### `tf.models` and `tf.layer` do not exist
#
# The model base class is `tf.keras.Model`. `tf.layer.A` and `tf.layer.B` are placeholders in the
# seed: use concrete layers such as `tf.keras.layers.Dense`.

# %%
with expect(AttributeError, "has no attribute 'models'"):
    tf.models.Model
with expect(AttributeError, "has no attribute 'layer'"):
    tf.layer.A

# %% [markdown] lang="zh"
# ### `_build` 从来不会被调用
#
# Keras 只认识 `build(self, input_shape)`：第一次调用层时，`__call__` 会自动调用它。
# 名字叫 `_build` 的方法没有人调用，所以 `self.layera` 根本不存在，
# 到 `call` 里用它时就报 `AttributeError`。
# %% [markdown] lang="en"
# ### `_build` is never called
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
# ### `call` 少了 `self`
#
# `call` 是实例方法，第一个参数总是实例本身。原文写成 `call(input, training)`，
# 于是实例被塞进了 `input`，真正的输入占了 `training` 的位置。
# 用 `model(x, training=False)` 调用时，`training` 就拿到了两个值：
# %% [markdown] lang="en"
# ### `call` without `self`
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
# ### TF 2 的顶层没有 `tf.placeholder` 和 `tf.Session`
#
# TF1 的图模式接口都搬到了 `tf.compat.v1` 下面。原文的 `dtype=y` 里 `y` 也没有定义，
# 应该写一个真正的数据类型，比如 `tf.float32`。
# %% [markdown] lang="en"
# ### TF 2 has no top-level `tf.placeholder` or `tf.Session`
#
# The TF1 graph-mode API now lives under `tf.compat.v1`. The seed's `dtype=y` names an undefined
# `y`; write a real dtype such as `tf.float32`.

# %%
with expect(AttributeError, "has no attribute 'placeholder'"):
    tf.placeholder
with expect(AttributeError, "has no attribute 'Session'"):
    tf.Session
with expect(NameError, "name 'y' is not defined"):
    tf.compat.v1.placeholder(shape=[1, 2, 3], dtype=y)  # noqa: F821 -- the seed's undefined y

# %% [markdown] lang="zh"
# ### 配置要用关键字参数传给 `Session`
#
# `Session` 的第一个位置参数是 `target`（要连接的执行引擎地址），不是配置。
# 原文的 `Session(ConfigProto())` 因此报 `TypeError`，TensorFlow 的报错里也提示了正确写法。
# 构造失败的 `Session` 被回收时，它的 `__del__` 还会再打印一条被忽略的 `AttributeError`；
# 下面把 Python 的 `sys.unraisablehook` 换成只打印一行，好让你看见它而不看到本机路径。
# %% [markdown] lang="en"
# ### Pass the config to `Session` by keyword
#
# The first positional parameter of `Session` is `target` (the address of the execution engine),
# not the config. The seed's `Session(ConfigProto())` therefore raises `TypeError`, and TensorFlow's
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
# ## 能运行的版本
#
# 改正后的模型：在 `__init__` 里先调用 `super().__init__()`，再创建子层；
# `call` 带上 `self`，`training` 给默认值，并且把它继续传给子层。
# %% [markdown] lang="en"
# ## The version that works
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
# 注意是 `model(inputs, training=False)` 而不是 `model.call(...)`：
# `__call__` 会先构建（`build`）各层、创建权重，再调用 `call`。
# 此时输出只是图里的一个符号张量，还没有值。
# %% [markdown] lang="en"
# Build the graph: a `placeholder` as input, and the model called on it. Call
# `model(inputs, training=False)`, not `model.call(...)`: `__call__` builds the layers and creates
# their weights before it runs `call`. The output is a symbolic tensor in the graph, with no value
# yet.

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
# ## 小结
#
# - 层在 `__init__` 里创建；权重由 `build` 在第一次调用时创建，别自己起名叫 `_build`。
# - 调用模型用 `model(x)`，它负责构建再调用 `call`；`call` 的第一个参数是 `self`。
# - TF 2 里的图模式接口在 `tf.compat.v1` 下：`placeholder`、`Session`、`ConfigProto`、
#   `global_variables_initializer`。
# - `Session` 的配置要写成 `config=...`。
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
