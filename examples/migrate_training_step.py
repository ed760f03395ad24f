# %% [markdown] lang="zh"
# # 把 TF1 训练步骤迁移到 TF2：逐行对照
#
# [原博客](quick-start.md)讲的是会话（`Session`）的 `run`。TF1 的训练循环就是反复调用它：
# 占位符（`placeholder`）接收数据，`feed_dict` 馈送（feed）一批数据，取回（`fetch`）训练操作，变量就更新一次。
# 本页用同一个小模型、同一份数据，先按 TF1 的写法训练，再按 TF2 的写法训练，
# 每一节都断言两边的损失（loss）和权重（weight）一致。
#
# | TF1 | TF2 | 证明 |
# |---|---|---|
# | `tf.Graph` + `sess.run([loss, train_op], feed_dict=...)` | 即时执行（eager execution）+ `tf.GradientTape` | [损失和权重一致](#tf2-eager) |
# | `GradientDescentOptimizer(lr).minimize(loss)` | `tf.keras.optimizers.SGD(lr)` 的 `apply_gradients` | [同上](#tf2-eager) |
# | 建一次图，`sess.run` 多次 | 把训练步骤包进 `tf.function` | [结果一致，只追踪一次](#tf-function) |
# | 自己切批，用 `feed_dict` 馈送 numpy 数组 | `tf.data.Dataset`：`shuffle(seed=...)`、`batch` | [同样的批次，同样的权重](#tf-data) |
# | 占位符的形状 `[None, 3]` | `input_signature=[tf.TensorSpec([None, 3], ...)]` | [批大小变了也不重新追踪](#input-signature) |
# | `tf.compat.v1.train.Saver` | `tf.train.Checkpoint` | [两边都能保存、恢复](#checkpoints) |
# | `Saver` 写的检查点 | `tf.train.load_checkpoint`、`init_from_checkpoint`、`Checkpoint.restore` | [在 TF2 里读出同样的值](#read-tf1-checkpoint) |
# | 用占位符和变量建图的旧函数 | `tf.compat.v1.wrap_function` + `prune` | [旧代码不用改，结果一致](#wrap-function) |
# %% [markdown] lang="en"
# # Migrate a TF1 training step to TF2, side by side
#
# [The blog post](quick-start.md) is about `Session.run`. A TF1 training loop is nothing but
# calls to it: placeholders take the data, `feed_dict` feeds one batch, fetching the training op
# updates the variables once. This page trains one small model on one data set twice, first the
# TF1 way, then the TF2 way, and asserts at every stage that the losses and the weights agree.
#
# | TF1 | TF2 | Proof |
# |---|---|---|
# | `tf.Graph` + `sess.run([loss, train_op], feed_dict=...)` | eager execution + `tf.GradientTape` | [same losses and weights](#tf2-eager) |
# | `GradientDescentOptimizer(lr).minimize(loss)` | `apply_gradients` of `tf.keras.optimizers.SGD(lr)` | [same](#tf2-eager) |
# | build the graph once, `sess.run` it many times | wrap the training step in `tf.function` | [same results, traced once](#tf-function) |
# | slice batches yourself, feed numpy arrays with `feed_dict` | `tf.data.Dataset`: `shuffle(seed=...)`, `batch` | [same batches, same weights](#tf-data) |
# | a placeholder of shape `[None, 3]` | `input_signature=[tf.TensorSpec([None, 3], ...)]` | [no retracing when the batch size changes](#input-signature) |
# | `tf.compat.v1.train.Saver` | `tf.train.Checkpoint` | [both save and restore](#checkpoints) |
# | a checkpoint written by `Saver` | `tf.train.load_checkpoint`, `init_from_checkpoint`, `Checkpoint.restore` | [the same values, read in TF2](#read-tf1-checkpoint) |
# | an old function that builds a graph with placeholders and variables | `tf.compat.v1.wrap_function` + `prune` | [the old code unchanged, the same results](#wrap-function) |

# %% [markdown] lang="zh"
# ## 准备
#
# 本页一直开着即时执行。TF1 的部分在 `with g.as_default():` 里建图，再用
# `tf.compat.v1.Session(graph=g)` 运行，不全局关闭即时执行。
#
# 数据是 40 个样本、3 个特征的线性回归。初始权重 `W0`、`B0` 是写死的 numpy 数组，
# 两边从同一个点出发。学习率是 0.1，先用全部数据训练 5 步。
# 下面所有的比较都用容差 `TOL`：两边的运算和顺序都相同，容差只给别的 CPU 留一点余地。
# %% [markdown] lang="en"
# ## Setup
#
# Eager execution stays on for the whole page. The TF1 parts build their graph inside
# `with g.as_default():` and run it with `tf.compat.v1.Session(graph=g)`; eager execution is
# never turned off globally.
#
# The data: a linear regression with 40 examples of 3 features. The initial weights `W0` and `B0`
# are fixed numpy arrays, so both sides start from the same point. The learning rate is 0.1; the
# first runs train 5 steps on the full data. Every comparison below uses the tolerance `TOL`: both
# sides run the same ops in the same order, and the tolerance only leaves room for other CPUs.

# %%
import os

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"

import numpy as np
import tensorflow as tf

tf.get_logger().setLevel("ERROR")
tf.keras.utils.set_random_seed(0)

print("TensorFlow", tf.__version__, "| tf.keras", tf.keras.__version__)
print("executing eagerly:", tf.executing_eagerly())

rng = np.random.default_rng(0)
X = rng.normal(size=(40, 3)).astype(np.float32)
true_w = np.array([[2.0], [-1.0], [0.5]])
Y = (X @ true_w + 0.3 + 0.1 * rng.normal(size=(40, 1))).astype(np.float32)

W0 = np.array([[0.1], [0.2], [-0.3]], np.float32)
B0 = np.zeros([1], np.float32)
LR, STEPS = 0.1, 5
TOL = {"rtol": 1e-5, "atol": 1e-6}

# %% [markdown] lang="zh"
# ## TF1：图、会话和 `feed_dict` { #tf1-session }
#
# 一切都在自己的计算图（graph）`g1` 里：两个占位符接收 `x` 和 `y`，
# 两个变量（variable）从 `W0`、`B0` 开始，损失是均方误差。
# `minimize(loss)` 一次建好求梯度和更新变量的操作，返回训练操作 `train_op`。
# 没传 `var_list`，它就训练图里所有可训练的变量。如果你的 TF1 代码训练的是 Keras 3 模型，
# 并且传了 `var_list=model.trainable_weights`，会报 `AttributeError`：要传
# `[w.value for w in model.trainable_weights]`，或者不传（见 [Keras 3 与 tf_keras：在 Session 里训练](keras3-vs-tf-keras-training.md#v1-optimizers)）。
#
# 每一步取回 `[loss, train_op]`。取回的 `loss` 是这一步更新**之前**的损失：
# 第一步的值等于用 numpy 在 `W0`、`B0` 上算出的损失（断言检查）。
# %% [markdown] lang="en"
# ## TF1: a graph, a session and `feed_dict` { #tf1-session }
#
# Everything lives in a graph of its own, `g1`: two placeholders take `x` and `y`, two variables
# start from `W0` and `B0`, the loss is the mean squared error. `minimize(loss)` builds the ops that
# compute the gradients and update the variables, and returns the training op `train_op`.
# Without a `var_list`, it trains every trainable variable of the graph. If your TF1 code trains a
# Keras 3 model and passes `var_list=model.trainable_weights`, that raises `AttributeError`: pass
# `[w.value for w in model.trainable_weights]`, or no `var_list` (see
# [Keras 3 vs tf_keras: training under Session](keras3-vs-tf-keras-training.md#v1-optimizers)).
#
# Each step fetches `[loss, train_op]`. The fetched `loss` is the loss **before** that step's
# update: the first value equals the loss numpy computes at `W0`, `B0` (asserted).

# %%
g1 = tf.Graph()
with g1.as_default():
    x = tf.compat.v1.placeholder(tf.float32, [None, 3], name="x")
    y = tf.compat.v1.placeholder(tf.float32, [None, 1], name="y")
    W = tf.compat.v1.Variable(W0, name="W")
    b = tf.compat.v1.Variable(B0, name="b")
    loss = tf.reduce_mean(tf.square(tf.matmul(x, W) + b - y))
    train_op = tf.compat.v1.train.GradientDescentOptimizer(LR).minimize(loss)
    init = tf.compat.v1.global_variables_initializer()

sess1 = tf.compat.v1.Session(graph=g1)
sess1.run(init)
losses_tf1 = []
for _ in range(STEPS):
    loss_value, _ = sess1.run([loss, train_op], feed_dict={x: X, y: Y})
    losses_tf1.append(loss_value)
W_tf1, b_tf1 = sess1.run([W, b])

print("losses:", np.round(losses_tf1, 4))
print("W:", W_tf1.ravel().round(4), "| b:", b_tf1.round(4))
np.testing.assert_allclose(losses_tf1[0], np.mean((X @ W0 + B0 - Y) ** 2), rtol=1e-5)

# %% [markdown] lang="zh"
# ## TF2：即时执行和 `GradientTape` { #tf2-eager }
#
# TF2 里没有图要建，也没有会话。`make_train_step` 返回一个训练步骤函数：
# 在梯度带（`tf.GradientTape`）里算损失，`tape.gradient` 求梯度，
# 再由 Keras 3 的 `SGD` 优化器（optimizer）用 `apply_gradients` 更新变量。
# 算损失的那一行和 TF1 一字不差；不带动量的 `SGD` 和 `GradientDescentOptimizer` 一样，都是 `W -= lr * grad`。
# 所以五步的损失和最终权重都和 TF1 一致。
# %% [markdown] lang="en"
# ## TF2: eager execution and `GradientTape` { #tf2-eager }
#
# TF2 has no graph to build and no session. `make_train_step` returns a training step function:
# it computes the loss under a `tf.GradientTape`, gets the gradients with `tape.gradient`, and lets
# Keras 3's `SGD` optimizer update the variables with `apply_gradients`. The loss line is the TF1
# line, word for word; `SGD` without momentum does what `GradientDescentOptimizer` does,
# `W -= lr * grad`. So the five losses and the final weights match TF1's.


# %%
def make_train_step(W, b, optimizer):
    def train_step(x, y):
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean(tf.square(tf.matmul(x, W) + b - y))
        grads = tape.gradient(loss, [W, b])
        optimizer.apply_gradients(zip(grads, [W, b]))
        return loss

    return train_step


W_eager = tf.Variable(W0, name="W")
b_eager = tf.Variable(B0, name="b")
step_eager = make_train_step(W_eager, b_eager, tf.keras.optimizers.SGD(learning_rate=LR))

losses_eager = [step_eager(X, Y).numpy() for _ in range(STEPS)]

print("losses:", np.round(losses_eager, 4))
print("W:", W_eager.numpy().ravel().round(4), "| b:", b_eager.numpy().round(4))
np.testing.assert_allclose(losses_eager, losses_tf1, **TOL)
np.testing.assert_allclose(W_eager.numpy(), W_tf1, **TOL)
np.testing.assert_allclose(b_eager.numpy(), b_tf1, **TOL)
print("eager == Session.run: losses and weights")

# %% [markdown] lang="zh"
# ### 包进 `tf.function` { #tf-function }
#
# 同一个函数交给 `tf.function`：第一次调用时追踪（trace）成一张图，以后每次调用都运行这张图。
# 这就相当于 TF1 里建一次图、`sess.run` 多次。结果仍然一致。
# 五次调用的输入形状都一样，所以只追踪了一次。
# %% [markdown] lang="en"
# ### Wrapped in `tf.function` { #tf-function }
#
# The same function goes to `tf.function`: the first call traces it into a graph, and every later
# call runs that graph. This is TF1's "build the graph once, `sess.run` it many times". The results
# still match. All five calls have inputs of the same shape, so it was traced only once.

# %%
W_fn = tf.Variable(W0, name="W")
b_fn = tf.Variable(B0, name="b")
opt_fn = tf.keras.optimizers.SGD(learning_rate=LR)
step_fn = tf.function(make_train_step(W_fn, b_fn, opt_fn))

losses_fn = [step_fn(X, Y).numpy() for _ in range(STEPS)]

np.testing.assert_allclose(losses_fn, losses_tf1, **TOL)
np.testing.assert_allclose(W_fn.numpy(), W_tf1, **TOL)
np.testing.assert_allclose(b_fn.numpy(), b_tf1, **TOL)
print("tf.function == eager == Session.run: losses and weights")
print("traces:", step_fn.experimental_get_tracing_count())
assert step_fn.experimental_get_tracing_count() == 1

# %% [markdown] lang="zh"
# ### 逐行对照 { #line-by-line }
#
# | TF1 | TF2 |
# |---|---|
# | `g1 = tf.Graph()`、`with g1.as_default():` | 不需要：默认就是即时执行 |
# | `x = tf.compat.v1.placeholder(tf.float32, [None, 3])` | 函数参数 `train_step(x, y)` 里的 `x` |
# | `W = tf.compat.v1.Variable(W0, name="W")` | `W = tf.Variable(W0, name="W")` |
# | `loss = tf.reduce_mean(tf.square(tf.matmul(x, W) + b - y))` | 同一行，放在 `with tf.GradientTape() as tape:` 里 |
# | `tf.compat.v1.train.GradientDescentOptimizer(LR)` | `tf.keras.optimizers.SGD(learning_rate=LR)` |
# | `train_op = opt.minimize(loss)` | `grads = tape.gradient(loss, [W, b])`，再 `opt.apply_gradients(zip(grads, [W, b]))` |
# | `sess.run(tf.compat.v1.global_variables_initializer())` | 不需要：`tf.Variable` 创建时就有值 |
# | `sess.run([loss, train_op], feed_dict={x: X, y: Y})` | `train_step(X, Y)`，返回 `loss` |
# | 建一次图，`sess.run` 多次 | `tf.function(train_step)`：每种输入签名（input signature）追踪一次 |
# | `sess.run([W, b])` | `W.numpy()`、`b.numpy()` |
# %% [markdown] lang="en"
# ### Line by line { #line-by-line }
#
# | TF1 | TF2 |
# |---|---|
# | `g1 = tf.Graph()`, `with g1.as_default():` | not needed: eager is the default |
# | `x = tf.compat.v1.placeholder(tf.float32, [None, 3])` | the argument `x` of `train_step(x, y)` |
# | `W = tf.compat.v1.Variable(W0, name="W")` | `W = tf.Variable(W0, name="W")` |
# | `loss = tf.reduce_mean(tf.square(tf.matmul(x, W) + b - y))` | the same line, inside `with tf.GradientTape() as tape:` |
# | `tf.compat.v1.train.GradientDescentOptimizer(LR)` | `tf.keras.optimizers.SGD(learning_rate=LR)` |
# | `train_op = opt.minimize(loss)` | `grads = tape.gradient(loss, [W, b])`, then `opt.apply_gradients(zip(grads, [W, b]))` |
# | `sess.run(tf.compat.v1.global_variables_initializer())` | not needed: a `tf.Variable` has its value when created |
# | `sess.run([loss, train_op], feed_dict={x: X, y: Y})` | `train_step(X, Y)`, which returns `loss` |
# | build the graph once, `sess.run` it many times | `tf.function(train_step)`: traced once per input signature |
# | `sess.run([W, b])` | `W.numpy()`, `b.numpy()` |

# %% [markdown] lang="zh"
# ## 用 `tf.data` 代替 `feed_dict` { #tf-data }
#
# 用 `feed_dict` 时，切批、打乱都要自己写。TF2 交给数据集（`tf.data.Dataset`）：
# `from_tensor_slices` 把数组切成一个个样本，`shuffle(len(X), seed=0)` 打乱，`batch(16)` 组成批次。
# 给了种子，每次运行的顺序都相同；每一轮（epoch）会重新打乱一次。
# 40 个样本分成 16、16、8 三批，所以 `element_spec` 里批的那一维是 `None`。
#
# 训练循环就是 `for xb, yb in ds:`，每一批交给上面那种 `tf.function` 训练步骤。
# 循环顺便记下每一批；然后在 `g1` 上开一个新会话，把**同样的批次**按同样的顺序馈送给 `train_op`。
# 两边的权重一致。新会话有自己的一份变量，`sess1` 里的权重没有被改动（断言检查）。
# %% [markdown] lang="en"
# ## `tf.data` in place of `feed_dict` { #tf-data }
#
# With `feed_dict`, you write the batching and the shuffling yourself. TF2 hands them to a
# `tf.data.Dataset`: `from_tensor_slices` cuts the arrays into examples, `shuffle(len(X), seed=0)`
# shuffles them, `batch(16)` makes batches. With a seed, every run gets the same order; each epoch
# is shuffled anew. The 40 examples make batches of 16, 16 and 8, so the batch dimension in
# `element_spec` is `None`.
#
# The training loop is `for xb, yb in ds:`, each batch going to a `tf.function` training step like
# the one above. The loop also records every batch; then a new session on `g1` feeds **the same
# batches**, in the same order, to `train_op`. The weights agree. The new session has its own copy
# of the variables: the weights in `sess1` are untouched (asserted).

# %%
BATCH, EPOCHS = 16, 3


def make_dataset():
    return tf.data.Dataset.from_tensor_slices((X, Y)).shuffle(len(X), seed=0).batch(BATCH)


ds = make_dataset()
print(ds.element_spec)

W_data = tf.Variable(W0, name="W")
b_data = tf.Variable(B0, name="b")
step_data = tf.function(make_train_step(W_data, b_data, tf.keras.optimizers.SGD(learning_rate=LR)))

batches = []
for epoch in range(EPOCHS):
    sizes = []
    for xb, yb in ds:
        loss_value = step_data(xb, yb)
        batches.append((xb.numpy(), yb.numpy()))
        sizes.append(len(xb))
    print(f"epoch {epoch}: batch sizes {sizes}, last loss {loss_value.numpy():.4f}")
print("epochs 0 and 1 start with the same batch:", np.array_equal(batches[0][0], batches[3][0]))

with tf.compat.v1.Session(graph=g1) as sess:
    sess.run(init)
    for xb, yb in batches:
        sess.run(train_op, feed_dict={x: xb, y: yb})
    W_feed, b_feed = sess.run([W, b])

np.testing.assert_allclose(W_data.numpy(), W_feed, **TOL)
np.testing.assert_allclose(b_data.numpy(), b_feed, **TOL)
np.testing.assert_array_equal(sess1.run(W), W_tf1)
print("W:", W_data.numpy().ravel().round(4), "| tf.data == the same batches through feed_dict")

# %% [markdown] lang="zh"
# ## `input_signature`：不再重新追踪 { #input-signature }
#
# 上面的 `step_data` 追踪了两次：批大小 16 一次，最后一批 8 又一次。
# `tf.function` 每遇到一种新的输入形状就重新追踪，[迁移到 TF2](tf2-migration.md) 已经演示过这一点
# （那里是 `(2, 4)` 和 `(1, 4)`）。每次追踪都要重新运行 Python 函数、再建一张图；
# 批大小经常变的话，图会越积越多。
#
# `input_signature` 的作用和占位符的形状 `[None, 3]` 一样：`None` 的那一维接受任何批大小，
# 所以只有一张图。下面用同样的数据集（重新创建，顺序和上面完全相同，断言检查）训练三轮，
# 只追踪了一次，权重和 `step_data` 的一致。再用全部 40 个样本的 numpy 数组调用一次，也不追踪。
# %% [markdown] lang="en"
# ## `input_signature`: no more retracing { #input-signature }
#
# `step_data` above was traced twice: once for batches of 16, again for the last batch of 8.
# `tf.function` traces again for every new input shape, as
# [From Session.run to TF2](tf2-migration.md) already shows (with `(2, 4)` and `(1, 4)` there).
# Every trace runs the Python function again and builds one more graph; with batch sizes that keep
# changing, the graphs pile up.
#
# `input_signature` does what the placeholder shape `[None, 3]` does: the `None` dimension takes
# any batch size, so there is a single graph. Below, the same data set (created again; the order is
# exactly the one above, asserted) trains for three epochs with one trace, and the weights match
# `step_data`'s. One more call with all 40 examples as a numpy array does not trace either.

# %%
print("step_data traces:", step_data.experimental_get_tracing_count())
assert step_data.experimental_get_tracing_count() == 2

spec = [tf.TensorSpec([None, 3], tf.float32), tf.TensorSpec([None, 1], tf.float32)]
W_sig = tf.Variable(W0, name="W")
b_sig = tf.Variable(B0, name="b")
step_sig = tf.function(
    make_train_step(W_sig, b_sig, tf.keras.optimizers.SGD(learning_rate=LR)),
    input_signature=spec,
)

i = 0
ds = make_dataset()
for _ in range(EPOCHS):
    for xb, yb in ds:
        np.testing.assert_array_equal(xb.numpy(), batches[i][0])
        step_sig(xb, yb)
        i += 1

np.testing.assert_allclose(W_sig.numpy(), W_data.numpy(), **TOL)
print("step_sig traces after", i, "batches:", step_sig.experimental_get_tracing_count())
step_sig(X, Y)
print("after one more call with 40 rows:", step_sig.experimental_get_tracing_count())
assert step_sig.experimental_get_tracing_count() == 1

# %% [markdown] lang="zh"
# 签名也像占位符一样检查输入：特征数不对的输入不会触发新的追踪，而是直接报错。
# %% [markdown] lang="en"
# Like a placeholder, the signature also checks the inputs: an input with the wrong number of
# features does not start a new trace; it raises.

# %%
with expect(TypeError, "Can not cast TensorSpec(shape=(1, 4)"):
    step_sig(tf.ones([1, 4]), tf.ones([1, 1]))

# %% [markdown] lang="zh"
# ## 检查点：`Saver` 和 `tf.train.Checkpoint` { #checkpoints }
#
# ### TF1：`Saver` { #saver }
#
# `Saver()` 在图里创建，默认保存图里的所有全局变量。`saver.save(sess1, "ckpt_tf1/model")`
# 写出检查点（checkpoint）的几个文件（路径是相对当前目录的），返回路径前缀。
# 在同一张图上开一个新会话，不运行初始化器，直接 `restore`，就得到训练好的权重。
# %% [markdown] lang="en"
# ## Checkpoints: `Saver` and `tf.train.Checkpoint` { #checkpoints }
#
# ### TF1: `Saver` { #saver }
#
# `Saver()` is created in the graph and by default saves all of its global variables.
# `saver.save(sess1, "ckpt_tf1/model")` writes the checkpoint files (the path is relative to the
# current folder) and returns the path prefix. A new session on the same graph, with no
# initializer run, gets the trained weights back from `restore`.

# %%
with g1.as_default():
    saver = tf.compat.v1.train.Saver()
    tf1_path = saver.save(sess1, "ckpt_tf1/model")
print("saved:", tf1_path, sorted(os.listdir("ckpt_tf1")))

with tf.compat.v1.Session(graph=g1) as sess, g1.as_default():
    saver.restore(sess, tf1_path)
    np.testing.assert_array_equal(sess.run(W), W_tf1)
print("restored in a new session: W == W_tf1")

# %% [markdown] lang="zh"
# 注意 `save` 也要放在 `with g1.as_default():` 里。即时执行开着时，`Saver.save` 先看当前是不是即时执行；
# 在图的块外面是，它就走即时执行的路径，而那条路径处理不了图里的变量：
# %% [markdown] lang="en"
# Note that `save` goes inside `with g1.as_default():` too. With eager execution on, `Saver.save`
# first checks whether it is executing eagerly; outside the graph block it is, so it takes the eager
# path, which cannot handle the graph's variables:

# %%
with expect(ValueError, "Can only save/restore ResourceVariables when executing eagerly"):
    saver.save(sess1, "ckpt_tf1/model")

# %% [markdown] lang="zh"
# ### 在 TF2 里读 TF1 的检查点 { #read-tf1-checkpoint }
#
# `tf.train.list_variables` 列出检查点里的名字和形状。`Saver` 按图里的变量名保存（去掉 `:0`），
# 所以名字就是 `W` 和 `b`。`GradientDescentOptimizer` 没有自己的变量（不像带动量的优化器），检查点里只有这两个。
#
# 在 TF2 里有三种读法，都在 TensorFlow 2.21 上试过：
#
# 1. `tf.train.load_checkpoint` 返回一个读取器，按名字取出 numpy 数组，再自己 `assign`。
#    TF2 这边的变量叫什么都行，名字的对应关系由你来写。下面直接读进一个 Keras 3 的 `Dense` 层，
#    它的输出和 TF1 图的预测一致。
# 2. `tf.compat.v1.train.init_from_checkpoint(目录, {检查点里的名字: 变量})`：即时执行下立刻赋值。
#    Keras 3 的权重要传 `.value`（底下的 `tf.Variable`），直接传会报 `AttributeError`。
# 3. `tf.train.Checkpoint(...).restore(TF1 的路径)`：它认出这是 `Saver` 写的检查点，
#    返回 `NameBasedSaverStatus`，按变量的 `name` 去匹配。名字对得上就能恢复；对不上**什么也不恢复，也不报错**，
#    要调用 `assert_consumed()` 才会发现。
# %% [markdown] lang="en"
# ### Reading a TF1 checkpoint in TF2 { #read-tf1-checkpoint }
#
# `tf.train.list_variables` lists the names and shapes in a checkpoint. `Saver` saves under the
# graph's variable names (without `:0`), so the names are `W` and `b`. `GradientDescentOptimizer`
# keeps no variables of its own (unlike an optimizer with momentum), so there is nothing else.
#
# TF2 has three ways to read it, all tried on TensorFlow 2.21:
#
# 1. `tf.train.load_checkpoint` returns a reader: take each numpy array by name and `assign` it
#    yourself. The TF2 variables can have any names; you write the mapping. Below, the values go
#    straight into a Keras 3 `Dense` layer, whose output matches the TF1 graph's prediction.
# 2. `tf.compat.v1.train.init_from_checkpoint(folder, {name in checkpoint: variable})`: under
#    eager execution it assigns at once. Keras 3 weights must be passed as `.value` (the underlying
#    `tf.Variable`); passing them directly raises `AttributeError`.
# 3. `tf.train.Checkpoint(...).restore(TF1 path)`: it recognizes a checkpoint written by `Saver`,
#    returns a `NameBasedSaverStatus` and matches by the variables' `name`. Matching names restore; names that do not match
#    **restore nothing and raise nothing**, until you call `assert_consumed()`.

# %%
print(tf.train.list_variables("ckpt_tf1"))

# 1. load_checkpoint + assign, into a Keras 3 Dense layer
reader = tf.train.load_checkpoint("ckpt_tf1")
dense = tf.keras.layers.Dense(1)
dense.build((None, 3))
dense.kernel.assign(reader.get_tensor("W"))
dense.bias.assign(reader.get_tensor("b"))
with g1.as_default():
    prediction = tf.matmul(x, W) + b
np.testing.assert_allclose(dense(X).numpy(), sess1.run(prediction, {x: X}), **TOL)
print("1. load_checkpoint + assign: Dense(X) == TF1 prediction")

# %%
# 2. init_from_checkpoint, in eager mode
W_init = tf.Variable(tf.zeros([3, 1]), name="dense/kernel")
b_init = tf.Variable(tf.zeros([1]), name="dense/bias")
tf.compat.v1.train.init_from_checkpoint("ckpt_tf1", {"W": W_init, "b": b_init})
np.testing.assert_array_equal(W_init.numpy(), W_tf1)
np.testing.assert_array_equal(b_init.numpy(), b_tf1)
print("2. init_from_checkpoint: W == W_tf1, b == b_tf1")

dense2 = tf.keras.layers.Dense(1)
dense2.build((None, 3))
with expect(AttributeError, "get_shape"):
    tf.compat.v1.train.init_from_checkpoint("ckpt_tf1", {"W": dense2.kernel})
tf.compat.v1.train.init_from_checkpoint("ckpt_tf1", {"W": dense2.kernel.value})
np.testing.assert_array_equal(dense2.kernel.numpy(), W_tf1)
print("   with .value, a Keras 3 kernel works")

# %%
# 3. tf.train.Checkpoint.restore on a Saver checkpoint: matched by variable name
W_same = tf.Variable(tf.zeros([3, 1]), name="W")
b_same = tf.Variable(tf.zeros([1]), name="b")
status = tf.train.Checkpoint(W=W_same, b=b_same).restore(tf1_path)
status.assert_consumed()
np.testing.assert_array_equal(W_same.numpy(), W_tf1)
print("3.", type(status).__name__, "| names W, b: restored")

W_other = tf.Variable(tf.zeros([3, 1]), name="dense/kernel")
b_other = tf.Variable(tf.zeros([1]), name="dense/bias")
status = tf.train.Checkpoint(W=W_other, b=b_other).restore(tf1_path)
print("   names dense/kernel, dense/bias: W is still", W_other.numpy().ravel())
assert not W_other.numpy().any()
with expect(AssertionError, "were not restored"):
    status.assert_consumed()

# %% [markdown] lang="zh"
# ### TF2：`tf.train.Checkpoint` { #tf2-checkpoint }
#
# TF2 的检查点不按变量名保存，而是按对象的属性路径：传给 `tf.train.Checkpoint` 的关键字（`W`、`b`、
# `optimizer`）就是路径的第一段，优化器的迭代计数保存在 `optimizer/_iterations` 下面。
# 这就是上面第 3 种读法要退回到按名字匹配的原因：`Saver` 的检查点里没有这些路径。
# 另外两项是 `tf.train.Checkpoint` 自己加的：`save_counter` 数 `save` 调用了几次（路径末尾的 `-1` 就是它），
# `_CHECKPOINTABLE_OBJECT_GRAPH` 记录对象之间的结构。
#
# 下面保存 `tf.function` 那一节训练好的变量和它的优化器，把它们清零，再恢复。
# `assert_consumed()` 通过，权重和迭代次数都回来了。
# %% [markdown] lang="en"
# ### TF2: `tf.train.Checkpoint` { #tf2-checkpoint }
#
# A TF2 checkpoint does not save by variable name but by the objects' attribute paths: the keywords
# given to `tf.train.Checkpoint` (`W`, `b`, `optimizer`) start the paths, and the optimizer's
# iteration count sits under `optimizer/_iterations`. This is why the third way above falls back to
# matching names: a `Saver` checkpoint has no such paths. The other two entries come from
# `tf.train.Checkpoint` itself: `save_counter` counts the calls to `save` (the `-1` at the end of
# the path), and `_CHECKPOINTABLE_OBJECT_GRAPH` records how the objects are linked.
#
# Below, the variables trained in the `tf.function` section and their optimizer are saved, zeroed,
# and restored. `assert_consumed()` passes; the weights and the iteration count are back.

# %%
ckpt = tf.train.Checkpoint(W=W_fn, b=b_fn, optimizer=opt_fn)
tf2_path = ckpt.save("ckpt_tf2/ckpt")
print("saved:", tf2_path)
for name, shape in tf.train.list_variables("ckpt_tf2"):
    print(f"  {name} {shape}")

W_fn.assign(tf.zeros_like(W_fn))
b_fn.assign(tf.zeros_like(b_fn))
opt_fn.iterations.assign(0)

ckpt.restore(tf2_path).assert_consumed()
np.testing.assert_array_equal(W_fn.numpy(), W_tf1)
np.testing.assert_array_equal(b_fn.numpy(), b_tf1)
assert int(opt_fn.iterations.numpy()) == STEPS
print("restored: W == W_tf1, b == b_tf1, optimizer iterations =", int(opt_fn.iterations.numpy()))

# %% [markdown] lang="zh"
# ## `wrap_function`：在 TF2 里复用 TF1 的建图代码 { #wrap-function }
#
# 旧项目里常有这样的函数：在里面建占位符、用 `get_variable` 建变量，返回输入和输出张量。
# 它只能在图里调用。先按老办法在一张新图里调用它，用会话跑出预测。
# %% [markdown] lang="en"
# ## `wrap_function`: reuse TF1 graph-building code from TF2 { #wrap-function }
#
# Old projects often have functions like this one: they create a placeholder, create variables
# with `get_variable`, and return the input and output tensors. Such a function only works inside a
# graph. First, the old way: call it in a new graph and run the prediction in a session.


# %%
def build_tf1_model():
    """TF1-style graph code: a placeholder and two variables; returns input and output."""
    x = tf.compat.v1.placeholder(tf.float32, [None, 3], name="x")
    W = tf.compat.v1.get_variable("W", initializer=W0)
    b = tf.compat.v1.get_variable("b", initializer=B0)
    return x, tf.matmul(x, W) + b


g2 = tf.Graph()
with g2.as_default():
    x_old, pred_old = build_tf1_model()
    init_old = tf.compat.v1.global_variables_initializer()
with tf.compat.v1.Session(graph=g2) as sess:
    sess.run(init_old)
    out_session = sess.run(pred_old, feed_dict={x_old: X})
print("output tensor:", pred_old.name, "| first rows:", out_session[:2].ravel().round(4))

# %% [markdown] lang="zh"
# `tf.compat.v1.wrap_function(build_tf1_model, signature=[])` 在一张内部的图里调用这个函数，
# 变量被提出来，创建后就有值，不用初始化器。这个函数自己建了占位符，所以 `signature` 是空的；
# 再用 `prune` 指定馈送哪个张量、取回哪个张量，得到一个普通的 TF2 函数，参数就是原来的占位符。
# 它的结果和会话一致。
#
# 剪出来的函数只接受张量：传 numpy 数组会报 `TypeError`，先用 `tf.constant` 转换。
# %% [markdown] lang="en"
# `tf.compat.v1.wrap_function(build_tf1_model, signature=[])` calls the function in an internal
# graph; the variables are lifted out and have their values as soon as they are created, with no
# initializer. The function creates its own placeholder, so the `signature` is empty; `prune` then
# names the tensor to feed and the tensor to fetch, and returns a plain TF2 function whose argument
# is the old placeholder. Its result matches the session's.
#
# The pruned function takes tensors only: a numpy array raises `TypeError`; convert it with
# `tf.constant` first.

# %%
wrapped = tf.compat.v1.wrap_function(build_tf1_model, signature=[])
print(type(wrapped).__name__, "| variables:", [v.name for v in wrapped.variables])
predict = wrapped.prune(
    feeds=wrapped.graph.get_tensor_by_name("x:0"),
    fetches=wrapped.graph.get_tensor_by_name(pred_old.name),
)
X_t = tf.constant(X)
np.testing.assert_allclose(predict(X_t).numpy(), out_session, **TOL)
print("wrapped and pruned == Session.run")

with expect(TypeError, "expected argument #0(zero-based) to be a Tensor"):
    predict(np.ones((1, 3), np.float32))

# %% [markdown] lang="zh"
# 提出来的变量是普通的 TF2 变量，可以直接用梯度带和 Keras 3 的 `SGD` 训练。
# 同样训练 5 步，权重和最开始那个 TF1 会话里的一致：旧的建图代码一行没改，就用上了 TF2 的训练循环。
# %% [markdown] lang="en"
# The lifted variables are ordinary TF2 variables; `GradientTape` and Keras 3's `SGD` train them
# directly. After the same 5 steps, the weights match those of the first TF1 session: the old
# graph-building code, unchanged, now runs in a TF2 training loop.

# %%
lifted = {v.name: v for v in wrapped.variables}
W_w, b_w = lifted["W:0"], lifted["b:0"]
opt_w = tf.keras.optimizers.SGD(learning_rate=LR)
for _ in range(STEPS):
    with tf.GradientTape() as tape:
        loss_w = tf.reduce_mean(tf.square(predict(X_t) - Y))
    grads = tape.gradient(loss_w, [W_w, b_w])
    opt_w.apply_gradients(zip(grads, [W_w, b_w]))

np.testing.assert_allclose(W_w.numpy(), W_tf1, **TOL)
np.testing.assert_allclose(b_w.numpy(), b_tf1, **TOL)
print("W:", W_w.numpy().ravel().round(4), "| wrapped TF1 code trained in TF2 == Session.run")
sess1.close()

# %% [markdown] lang="zh"
# ## 接下来读什么 { #where-next }
#
# - [迁移到 TF2](tf2-migration.md)：同一个计算的 `sess.run`、`tf.function`、即时执行三种写法，
#   重新追踪，以及每次调用的耗时。
# - [在会话里训练子类化模型：从头到尾](train-in-session.md)：留在 TF1，用会话训练一个完整的 Keras 模型。
# - [feed_dict：馈送的全部规则](session-feed-dict.md)：本页 TF1 部分用到的馈送，细节都在那里。
# %% [markdown] lang="en"
# ## Where next { #where-next }
#
# - [From Session.run to TF2](tf2-migration.md): one computation as `sess.run`, `tf.function` and
#   eager code, retracing, and the cost of each call.
# - [Train a subclassed model in a Session, end to end](train-in-session.md): staying on TF1,
#   training a whole Keras model with a session.
# - [Feeding (feed_dict)](session-feed-dict.md): every rule of the feeding the TF1 parts of this
#   page rely on.
