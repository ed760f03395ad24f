# %% [markdown] lang="zh"
# # 取回进阶：运行什么、重复、顺序与句柄
#
# [取回](session-fetches.md)讲了 `Session.run` 对每种取回（`fetch`）还给你什么。本页讲一次 `run` 之内和之间的事：
# 图里哪些节点会运行，被馈送（`feed`）的张量取回什么，同一个东西取回两次会怎样，同一次调用里谁先运行，
# 以及怎样用会话句柄（session handle）把结果留在会话（`Session`）里给以后的 `run` 用。和取回页一样，代码在 TensorFlow 2.21 的图模式（graph mode）里运行，用 `assert` 钉住结论。
#
# | 情况 | 结果 |
# |---|---|
# | [和取回无关的节点（哪怕有状态）](#只运行需要的那部分图) | 不运行 |
# | [被馈送的张量](#被馈送的张量) | 不计算，上游也不运行；取回得到馈送的值本身 |
# | [同一个张量在一次 `run` 里取回几遍](#同一个东西取回两次) | 只计算一次；返回的几个位置是同一个对象 |
# | [两个取回依赖同一个有状态操作](#同一个东西取回两次) | 那个操作也只运行一次 |
# | [`run([train_op, loss])`](#求值顺序没有保证) | `loss` 一定是更新前的值：数据依赖决定顺序 |
# | [`run([train_op, w])`](#求值顺序没有保证) | 更新前或更新后，没有保证 |
# | [在 `tf.control_dependencies([train_op])` 里读取](#求值顺序没有保证) | 一定是更新后的值 |
# | [`tf.function` 里的有状态操作](#求值顺序没有保证) | 按 Python 代码的先后自动加控制依赖 |
# | [取回 `get_session_handle` 的结果](#会话句柄) | `TensorHandle` 对象，**不是**文档说的 `ndarray` |
#
# 术语见 [术语表](glossary.md)。
# %% [markdown] lang="en"
# # Fetches, further: what runs, duplicates, order and handles
#
# [Fetches](session-fetches.md) shows what `Session.run` gives back for each kind of fetch. This
# page covers what happens within one `run` and across runs: which nodes run, what a fed tensor
# gives back, fetching the same thing twice, what runs first inside one call, and session
# handles, which keep a result inside the `Session` for later runs. As on the fetches page, the code runs in graph mode on TensorFlow 2.21, and `assert`
# pins every claim.
#
# | Case | Result |
# |---|---|
# | [nodes the fetches do not need (stateful or not)](#only-the-needed-part-of-the-graph-runs) | do not run |
# | [a tensor you also feed](#fed-tensors) | not computed, nor its upstream; you get the fed value back |
# | [the same tensor fetched several times in one `run`](#fetching-the-same-thing-twice) | computed once; the positions hold the same object |
# | [two fetches that depend on one stateful op](#fetching-the-same-thing-twice) | the op still runs once |
# | [`run([train_op, loss])`](#evaluation-order-is-not-guaranteed) | `loss` is always the value before the update: data flow sets the order |
# | [`run([train_op, w])`](#evaluation-order-is-not-guaranteed) | before or after the update, no guarantee |
# | [a read inside `tf.control_dependencies([train_op])`](#evaluation-order-is-not-guaranteed) | always the updated value |
# | [stateful ops in a `tf.function`](#evaluation-order-is-not-guaranteed) | ordered by your Python code (automatic control dependencies) |
# | [fetching the result of `get_session_handle`](#session-handles) | a `TensorHandle` object, **not** the `ndarray` the docs promise |
#
# Terms are in the [glossary](glossary.md).

# %% [markdown] lang="zh"
# ## 准备
#
# 关掉 C++ 日志，切到 TF1 的图模式，固定随机种子。整页共用一张默认图和一个会话；
# `a`、`b = a * 10` 和 `vec` 与[取回](session-fetches.md)页相同。`show` 打印一个返回值的类型和值。
# %% [markdown] lang="en"
# ## Setup
#
# Silence the C++ logs, switch to TF1 graph mode and fix the seeds. The whole page shares one
# default graph and one `Session`; `a`, `b = a * 10` and `vec` are the same as on the
# [Fetches](session-fetches.md) page. `show` prints the type and the value of one fetched result.

# %%
import os

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"

import numpy as np
import tensorflow as tf

tf.compat.v1.disable_eager_execution()
tf.keras.utils.set_random_seed(0)
np.random.seed(0)
tf.compat.v1.set_random_seed(0)

print("TensorFlow", tf.__version__, "| numpy", np.__version__)
print("executing eagerly:", tf.executing_eagerly())

a = tf.constant(3.0, name="a")
b = tf.multiply(a, 10.0, name="b")
vec = tf.constant([1.0, 2.0, 3.0], name="vec")
graph = tf.compat.v1.get_default_graph()
sess = tf.compat.v1.Session()


def show(label, value):
    print(f"{label:<26} {str(type(value)):<30} {value!r}")


# %% [markdown] lang="zh"
# ## 只运行需要的那部分图
#
# 一次 `run` 是一“步”（step）：TensorFlow 从取回的节点往回找，只运行算出它们所必需的那部分图。
# 图里其他节点，哪怕是有状态的操作，也不会运行。
#
# 下面的 `side_bump` 给计数器加 1，但它和 `b` 没有任何连接。取回 `b` 时它不会运行。
# %% [markdown] lang="en"
# ## Only the needed part of the graph runs
#
# One `run` is one "step": TensorFlow walks back from the fetched nodes and runs only the part of
# the graph they need. Every other node stays idle, stateful ops included.
#
# Below, `side_bump` adds 1 to a counter, but it is not connected to `b`. Fetching `b` does not run
# it.

# %%
side = tf.compat.v1.Variable(0, name="side")
side_bump = side.assign_add(1, read_value=False)
sess.run(side.initializer)

print("b =", sess.run(b))
print("side after fetching b:", sess.run(side))
assert sess.run(side) == 0

sess.run(side_bump)
print("side after fetching side_bump:", sess.run(side))
assert sess.run(side) == 1

# %% [markdown] lang="zh"
# “用 `feed_dict` 里的值替换对应的输入”也是字面意思：被馈送的张量直接取你给的值，
# 它上游的节点根本不运行。下面 `through` 的上游是一次加 1；馈送 `through` 之后，计数器不动。
# 馈送的细节见 [馈送（`feed_dict`）](session-feed-dict.md)。
# %% [markdown] lang="en"
# "Substituting the values in `feed_dict`" is literal too: a fed tensor takes the value you give
# it, and the nodes upstream of it do not run at all. Below, `through` sits behind an increment;
# once `through` is fed, the counter does not move. Feeding is covered in detail in
# [Feeding (`feed_dict`)](session-feed-dict.md).

# %%
through = tf.identity(side.assign_add(1), name="through")
twice = tf.multiply(through, 2, name="twice")

print("twice (not fed):", sess.run(twice), "| side:", sess.run(side))
assert sess.run(side) == 2
print(
    "twice (through fed 100):", sess.run(twice, feed_dict={through: 100}), "| side:", sess.run(side)
)
assert sess.run(side) == 2

# %% [markdown] lang="zh"
# ## 被馈送的张量
#
# 如果一个张量既被取回又被馈送，`run` 根本不计算它，直接把馈送的值（经 `np.asarray` 转成对应
# `dtype`）还给你。这带来两个文档没写的结果：
#
# - 馈送 Python 标量时，返回的是 **0 维 `ndarray`**，而不计算时返回的是 numpy 标量；
# - 馈送一个 `dtype` 已经对的数组，拿回来的就是**同一个对象**（`is` 为真）。
# %% [markdown] lang="en"
# ## Fed tensors
#
# When a tensor is both fetched and fed, `run` does not compute it: it hands back the fed value
# (passed through `np.asarray` with the tensor's dtype). Two consequences the docs do not mention:
#
# - feed a Python scalar and you get a **0-d `ndarray`** back, where the computed value was a
#   numpy scalar;
# - feed an array that already has the right dtype and you get **the same object** back (`is`
#   holds).

# %%
show("run(a)", sess.run(a))
show("run(a, {a: 5.0})", sess.run(a, feed_dict={a: 5.0}))
show("run(b, {a: 5.0})", sess.run(b, feed_dict={a: 5.0}))
assert type(sess.run(a, feed_dict={a: 5.0})) is np.ndarray

mine = np.array([7.0, 8.0, 9.0], dtype=np.float32)
back = sess.run(vec, feed_dict={vec: mine})
print("same object as fed:", back is mine)
assert back is mine

# %% [markdown] lang="zh"
# ## 同一个东西取回两次
#
# 在一次 `run` 里，图中每个节点最多运行一次。同一个张量写两遍，只算一次；两个不同的张量依赖
# 同一个有状态操作，那个操作也只运行一次。`counter.assign_add(1)` 返回“加完之后的值”，
# 下面把它放进一次 `run` 里好几遍，计数器每次只加 1。两次分开的 `run` 才会加 2。
# %% [markdown] lang="en"
# ## Fetching the same thing twice
#
# Within one `run`, every node of the graph runs at most once. Fetch the same tensor twice and it
# is computed once; fetch two different tensors that depend on the same stateful op and that op
# still runs once. `counter.assign_add(1)` gives "the value after adding"; below it appears
# several times in one `run`, and the counter goes up by 1 each time. Only two separate `run`
# calls add 2.

# %%
counter = tf.compat.v1.Variable(0, name="counter")
inc = counter.assign_add(1)
plus_100 = inc + 100
times_10 = inc * 10
sess.run(counter.initializer)

show("run([inc, inc])", sess.run([inc, inc]))
show("counter", sess.run(counter))
assert sess.run(counter) == 1

show("run({...} with inc x3)", sess.run({"x": inc, "y": [inc, inc.op]}))
show("counter", sess.run(counter))
assert sess.run(counter) == 2

show("run([plus_100, times_10])", sess.run([plus_100, times_10]))
show("counter", sess.run(counter))
assert sess.run(counter) == 3

sess.run(inc)
sess.run(inc)
show("after two runs", sess.run(counter))
assert sess.run(counter) == 5

# %% [markdown] lang="zh"
# 重复的取回在 Python 里也被合并了：返回列表里的几个位置是**同一个对象**，包括用张量对象和用名字
# `'vec:0'` 分别写的情况。改其中一个，其他几个跟着变。
# %% [markdown] lang="en"
# Duplicates are merged on the Python side too: the positions in the returned list hold **the
# same object**, even when one is written as the tensor object and another as the name `'vec:0'`.
# Change one and the others change with it.

# %%
r = sess.run([vec, vec, "vec:0"])
print("r[0] is r[1]:", r[0] is r[1], "| r[0] is r[2]:", r[0] is r[2])
r[0][0] = -1.0
print("after r[0][0] = -1:", r[1], r[2])
assert r[0] is r[1] is r[2] and r[2][0] == -1.0

# %% [markdown] lang="zh"
# ## 求值顺序没有保证
#
# 文档说：“一次调用中各个取回操作的求值顺序是未定义的。”列表里的先后**不**代表执行的先后。
# 真正决定顺序的只有图里的依赖：数据依赖（一个操作的输入来自另一个），或者控制依赖
# （`tf.control_dependencies`）。两个操作之间没有依赖路径，TensorFlow 就可以任意安排，
# 甚至在两个线程里同时运行。
#
# 最常见的场景是训练。下面用梯度下降训练一个变量 `w`，损失是 `w²`。先看 `run([train_op, loss])`：
# 这里的 `loss` 一定是**更新前**的值。原因不是它在列表里排第二，而是数据依赖：`loss` 和梯度读取的
# 是同一个 `ReadVariableOp`，更新要等梯度，梯度要等这次读取。
# %% [markdown] lang="en"
# ## Evaluation order is not guaranteed
#
# The docs: "Order in which fetches operations are evaluated inside the call is undefined." The
# order in your list does **not** set the order of execution. Only dependencies in the graph do:
# data dependencies (one op consumes another's output) or control dependencies
# (`tf.control_dependencies`). Two ops with no path between them may run in any order, or at the
# same time on two threads.
#
# The everyday case is training. Below, gradient descent trains one variable `w` with loss `w²`.
# First `run([train_op, loss])`: `loss` is always the value **before** the update. Not because it
# comes second in the list, but because of data flow: `loss` and the gradient use the same
# `ReadVariableOp`, the update waits for the gradient, and the gradient waits for that read.

# %%
w = tf.compat.v1.Variable(3.0, name="w")
loss = tf.square(w, name="loss")
train_op = tf.compat.v1.train.GradientDescentOptimizer(0.1).minimize(loss)


def ancestors(element):
    """Names of every op that `element` waits for (data and control inputs, transitively)."""
    start = graph.as_graph_element(element)
    todo, seen = [start if isinstance(start, tf.Operation) else start.op], set()
    while todo:
        op = todo.pop()
        if op.name not in seen:
            seen.add(op.name)
            todo.extend(t.op for t in op.inputs)
            todo.extend(op.control_inputs)
    return seen


loss_read = loss.op.inputs[0].op
print("loss reads w through:", loss_read.name)
print("train_op waits for that read:", loss_read.name in ancestors(train_op))
assert loss_read.name in ancestors(train_op)

sess.run(w.initializer)
for _ in range(100):
    before = sess.run(w)
    _, loss_value = sess.run([train_op, loss])
    assert loss_value == before * before  # the loss of the weights before this step
print("100 steps: loss always computed from the weights before the update")

# %% [markdown] lang="zh"
# 再看 `run([train_op, w])`。取回变量对象 `w` 用的是它自己的读取操作 `w/Read/ReadVariableOp`，
# 这个读取和更新之间没有任何依赖路径（见下面的输出），拿到的可能是更新前的值，也可能是更新后的值；
# 出现哪一种取决于执行器的调度、线程数和版本，不能依赖。因此这里不打印具体是哪一种，
# 只断言它一定是两者之一。
# %% [markdown] lang="en"
# Now `run([train_op, w])`. Fetching the variable object `w` uses its own read op,
# `w/Read/ReadVariableOp`, and there is no path between that read and the update (see the output
# below). The value may be from before or after the update; which one depends on the executor's
# scheduling, the thread count and the version, so do not rely on it. The cell does not print
# which one happened; it only asserts that it is one of the two.

# %%
w_read = graph.as_graph_element(w)
print("fetching w runs:", w_read.op.name)
print("update waits for this read:", w_read.op.name in ancestors(train_op))
print("this read waits for the update:", train_op.name in ancestors(w_read))
assert w_read.op.name not in ancestors(train_op) and train_op.name not in ancestors(w_read)

sess.run(w.initializer)
for _ in range(100):
    before = sess.run(w)
    _, w_value = sess.run([train_op, w])
    after = sess.run(w)
    assert w_value in (before, after)
print("100 steps: each fetched w was either the old or the new value")

# %% [markdown] lang="zh"
# 要一个确定的结果，就把顺序写进图里。在 `tf.control_dependencies([train_op])` 里新建一个读取，
# 它就一定在更新之后运行。把列表顺序反过来也不影响结果，因为顺序只由依赖决定。
# （要“更新前”的值，反过来做：先建读取，再在 `tf.control_dependencies([读取])` 里建训练操作；
# 或者像上面那样直接取回 `loss` 这类本来就有数据依赖的张量。）
# %% [markdown] lang="en"
# For a definite result, put the order into the graph. A read created inside
# `tf.control_dependencies([train_op])` always runs after the update. Reversing the list changes
# nothing, because only dependencies set the order. (For the value "before", do the opposite:
# create the read first and build the training op inside `tf.control_dependencies([read])`, or
# fetch something like `loss` that already has a data dependency, as above.)

# %%
with tf.control_dependencies([train_op]):
    w_after = w.read_value()
print("w_after waits for the update:", train_op.name in ancestors(w_after))

sess.run(w.initializer)
for i in range(100):
    fetches = [train_op, w_after] if i % 2 == 0 else [w_after, train_op]
    values = sess.run(fetches)
    assert values[fetches.index(w_after)] == sess.run(w)
print("100 steps, both list orders: w_after always equals the updated weight")
print("final w:", sess.run(w))

# %% [markdown] lang="zh"
# 没有依赖就没有顺序，这是 TF1 图的规则。`tf.function` 不一样：它在追踪时按 Python 代码的先后，
# 自动给有状态的操作加上控制依赖（automatic control dependencies）。下面的函数先加 1 再读取，
# 函数图里的 `ReadVariableOp` 自带一条指向 `AssignAddVariableOp` 的控制边；
# 在会话里调用它，读到的永远是加过的值。用 `Session.run` 跑的普通图则不会替你加这条边，
# 上面的 `w` 就是例子。迁移相关的内容见 [迁移到 TF2](tf2-migration.md)。
# %% [markdown] lang="en"
# No dependency, no order: that is the rule for TF1 graphs. `tf.function` is different: while
# tracing, it adds control dependencies between stateful ops in the order of your Python code
# (automatic control dependencies). The function below adds 1 and then reads; in its graph the
# `ReadVariableOp` carries a control edge to the `AssignAddVariableOp`, and calling it inside the
# session always reads the incremented value. A plain graph run by `Session.run` gets no such edge,
# as `w` above shows. Migration is covered in [Migrating to TF2](tf2-migration.md).


# %%
fw = tf.compat.v1.Variable(1.0, name="fw")


@tf.function
def bump_and_read():
    fw.assign_add(1.0)
    return fw.read_value()


fn_graph = bump_and_read.get_concrete_function().graph
for op in fn_graph.get_operations():
    if op.type == "ReadVariableOp":
        print(op.name, "has control inputs", [c.type for c in op.control_inputs])
        assert "AssignAddVariableOp" in [c.type for c in op.control_inputs]

fn_out = bump_and_read()
sess.run(fw.initializer)
for _ in range(100):
    assert sess.run(fn_out) == sess.run(fw)
print("100 calls: the function always read the incremented value; fw =", sess.run(fw))

# %% [markdown] lang="zh"
# ## 会话句柄
#
# 文档写的是“`get_tensor_handle` 操作”，返回“包含句柄的 numpy ndarray”。两处都不对：
#
# - TF 里没有 `get_tensor_handle`，真正的函数是 `tf.compat.v1.get_session_handle`；
# - 取回它得到的不是 `ndarray`，而是一个 `TensorHandle` 对象。
#
# 句柄的意思是：这一步算出来的张量留在会话里，不拷回 Python，以后的 `run` 可以直接拿来用。
# 句柄张量本身是一个字符串标量。用 `tf.identity` 包一层再取回，就能看到原始的 `bytes`；
# `Session.run` 只有在取回的正是句柄操作的输出时，才把它包成 `TensorHandle`。
# %% [markdown] lang="en"
# ## Session handles
#
# The docs speak of a "`get_tensor_handle` op" whose fetched value is "a numpy ndarray containing
# the handle". Both parts are off:
#
# - TF has no `get_tensor_handle`; the real function is `tf.compat.v1.get_session_handle`;
# - fetching it does not give an `ndarray` but a `TensorHandle` object.
#
# A handle means: the tensor computed in this step stays inside the session instead of being
# copied to Python, and later `run` calls can use it. The handle tensor itself is a string scalar.
# Wrap it in `tf.identity` and you see the raw `bytes`; `Session.run` wraps the value in a
# `TensorHandle` only when the fetch is the handle op's own output.

# %%
print("tf.compat.v1 has get_tensor_handle:", hasattr(tf.compat.v1, "get_tensor_handle"))
print("tf.compat.v1 has get_session_handle:", hasattr(tf.compat.v1, "get_session_handle"))

doubled = tf.multiply(a, 2.0, name="doubled")
handle_t = tf.compat.v1.get_session_handle(doubled, name="keep")
print("handle tensor:", handle_t.name, handle_t.dtype.name, "| op type:", handle_t.op.type)

h = sess.run(handle_t)
print(type(h))
print("str(h) == h.handle:", h.handle)
print("isinstance ndarray:", isinstance(h, np.ndarray))
raw = sess.run(tf.identity(handle_t))
show("raw string value", raw)
assert type(h).__name__ == "TensorHandle" and not isinstance(h, np.ndarray)
assert type(h.handle) is str and type(raw) is bytes

# %% [markdown] lang="zh"
# 把句柄交回给会话有两种办法：
#
# 1. 文档里的办法：`tf.compat.v1.get_session_tensor(h.handle, dtype)` 返回一对
#    （字符串占位符，存着的张量）。给占位符馈送 **`h.handle` 字符串**，就能在图里使用那个张量。
# 2. 把 `TensorHandle` 对象本身馈送给**任何**同类型的张量，它就被替换成存着的值。
#    这里把 `a` 换成了存着的 6.0，于是 `b = a * 10` 变成 60。
#
# `h.eval()` 直接取出存着的值。
# %% [markdown] lang="en"
# There are two ways to hand the handle back to the session:
#
# 1. The documented one: `tf.compat.v1.get_session_tensor(h.handle, dtype)` returns a pair
#    (string placeholder, stored tensor). Feed the **`h.handle` string** to the placeholder and the
#    stored tensor is usable in the graph.
# 2. Feed the `TensorHandle` object itself to **any** tensor of the same dtype, and that tensor is
#    replaced by the stored value. Here `a` is replaced by the stored 6.0, so `b = a * 10` gives 60.
#
# `h.eval()` reads the stored value directly.

# %%
holder, stored = tf.compat.v1.get_session_tensor(h.handle, tf.float32)
plus_one = stored + 1.0
show("via get_session_tensor", sess.run(plus_one, feed_dict={holder: h.handle}))
show("b with a := handle", sess.run(b, feed_dict={a: h}))
show("h.eval()", h.eval())
assert sess.run(plus_one, feed_dict={holder: h.handle}) == 7.0
assert sess.run(b, feed_dict={a: h}) == 60.0 and h.eval() == 6.0

# %% [markdown] lang="zh"
# 两种办法不能混用：把 `TensorHandle` 对象（而不是 `h.handle` 字符串）馈送给 `get_session_tensor`
# 的占位符，会话会先把句柄换成存着的 `float` 张量，再塞进需要字符串的占位符，于是报错。
# 用完之后用 `h.delete()` 释放会话里存着的张量；之后再用这个句柄就会报错。
# %% [markdown] lang="en"
# Do not mix the two: feed the `TensorHandle` object (instead of the `h.handle` string) to the
# `get_session_tensor` placeholder, and the session first swaps the handle for the stored `float`
# tensor, then pushes it into a placeholder that expects a string, which fails.
# When done, `h.delete()` frees the tensor kept in the session; using the handle after that is an
# error.

# %%
with expect(tf.errors.InvalidArgumentError, "Expects arg[0] to be string but float is provided"):
    sess.run(plus_one, feed_dict={holder: h})

h.delete()
with expect(TypeError, "may have already been deleted"):
    h.eval()

sess.close()

# %% [markdown] lang="zh"
# ## 接下来
#
# - 每种取回返回什么：[取回](session-fetches.md)
# - 馈送一侧的规则：[馈送（`feed_dict`）](session-feed-dict.md)
# - `make_callable`、`partial_run` 等：[Session 的其他用法](session-more.md)
# - 术语对照：[术语表](glossary.md)
# %% [markdown] lang="en"
# ## Where next
#
# - What each kind of fetch gives back: [Fetches](session-fetches.md)
# - The feed side of the rules: [Feeding (`feed_dict`)](session-feed-dict.md)
# - `make_callable`, `partial_run` and friends: [More Session features](session-more.md)
# - Terms in both languages: [Glossary](glossary.md)
