# %% [markdown] lang="zh"
# # Session 的其他用法
#
# 除了 `sess.run`，会话（`Session`）还有一批不常见的接口：把一次运行固定成函数的
# `make_callable`，分几次馈送（`feed`）的 `partial_run`，默认会话（default session），
# `InteractiveSession`，以及 `ConfigProto` 配置。本页在 TensorFlow 2.21 的图模式（graph mode）下
# 逐个运行它们，并把和文档、和直觉不一样的地方标出来。
#
# | 接口 | 做什么 | TF 2.21 上实际运行的结果 |
# |---|---|---|
# | [`sess.make_callable(fetches)`](#不带馈送) | 把一次 `run` 固定成一个函数 | 返回普通 Python 函数；结果类型和 `sess.run` 一样；调用时不能带参数 |
# | [`sess.make_callable(fetches, feed_list=[x])`](#带馈送feed_list) | 按位置传入馈送值 | 内部只是拼出 `feed_dict` 再调用 `sess.run`；少传参数得到“没有馈送”的图错误，多传的被静默丢掉 |
# | [`partial_run_setup` + `partial_run`](#partial_run一步分几次运行) | 一步运行分几次馈送、几次取回 | 仍然能用，但已弃用：第一次调用时 TF 日志里出现弃用警告（写着 2023-06-01 后移除） |
# | [`with tf.compat.v1.Session() as sess:`](#默认会话with-session-和-as_default) | 设为默认会话 | 退出时**关闭**会话 |
# | [`with sess.as_default():`](#默认会话with-session-和-as_default) | 设为默认会话 | 退出时**不**关闭 |
# | [没有默认会话时 `t.eval()` / `op.run()`](#默认会话with-session-和-as_default) | 用默认会话运行 | `ValueError: ... No default session is registered` |
# | [`tf.compat.v1.InteractiveSession()`](#interactivesession) | 创建时就设为默认会话 | 要自己 `close()`；已有一个时再建，TF 记一条 ERROR 日志 |
# | [`ConfigProto(device_count={"CPU": 2})`](#device_count-与-sesslist_devices) | 限制 / 拆分设备（device） | `sess.list_devices()` 列出 `CPU:0` 和 `CPU:1` |
# | [`ConfigProto(log_device_placement=True)`](#log_device_placement-打印到哪里去了) | 打印每个操作放在哪个设备 | C++ 直接写到进程的标准输出（fd 1），本站内核里看不到；子进程里能看到 |
# | [无 GPU 的机器上 `tf.device("/GPU:0")`](#在没有-gpu-的机器上指定-gpu0) | 指定设备 | 不开 `allow_soft_placement`：`InvalidArgumentError`，而且图里**任何**取回都失败；开了：自动落到 CPU（有 GPU 时照常在 GPU 上运行） |
# | [原博客](quick-start.md)的 `tf.Session(tf.ConfigProto())` | 带配置创建会话 | `AttributeError`；换成 `tf.compat.v1.Session` 仍是 `TypeError`，要写 `config=`（[演示](#原博客的-tfsessiontfconfigproto)） |
# %% [markdown] lang="en"
# # More of Session
#
# Besides `sess.run`, a `Session` has a set of less common APIs: `make_callable`, which freezes one
# run into a function; `partial_run`, which feeds a step in several parts; the default session;
# `InteractiveSession`; and the `ConfigProto` settings. This page runs each of them in TensorFlow
# 2.21 graph mode and marks where the result differs from the docs or from intuition.
#
# | API | What it does | What really happens in TF 2.21 |
# |---|---|---|
# | [`sess.make_callable(fetches)`](#without-feeds) | freezes one `run` into a function | returns a plain Python function; results have the same types as `sess.run`; takes no arguments |
# | [`sess.make_callable(fetches, feed_list=[x])`](#with-feeds-feed_list) | feed values by position | only builds a `feed_dict` and calls `sess.run`; too few arguments give a "must feed" graph error, extra ones are silently dropped |
# | [`partial_run_setup` + `partial_run`](#partial_run-one-step-in-several-parts) | one step, fed and fetched in several parts | still works, but deprecated: the first call logs a deprecation warning ("removed after 2023-06-01") |
# | [`with tf.compat.v1.Session() as sess:`](#the-default-session-with-session-and-as_default) | makes it the default session | **closes** the session on exit |
# | [`with sess.as_default():`](#the-default-session-with-session-and-as_default) | makes it the default session | does **not** close it |
# | [`t.eval()` / `op.run()` with no default session](#the-default-session-with-session-and-as_default) | run in the default session | `ValueError: ... No default session is registered` |
# | [`tf.compat.v1.InteractiveSession()`](#interactivesession) | becomes the default session when created | you must `close()` it; creating a second one while one is open logs an ERROR |
# | [`ConfigProto(device_count={"CPU": 2})`](#device_count-and-sesslist_devices) | limits / splits devices | `sess.list_devices()` lists `CPU:0` and `CPU:1` |
# | [`ConfigProto(log_device_placement=True)`](#where-does-log_device_placement-print) | prints the device of every op | C++ writes straight to the process's standard output (fd 1); invisible in this site's kernel, visible in a subprocess |
# | [`tf.device("/GPU:0")` on a machine without a GPU](#pinning-to-gpu0-on-a-machine-without-a-gpu) | pins an op | without `allow_soft_placement`: `InvalidArgumentError`, and **every** fetch from that graph fails; with it: falls back to the CPU (with a GPU, it simply runs there) |
# | [the blog post](quick-start.md)'s `tf.Session(tf.ConfigProto())` | a session with a config | `AttributeError`; with `tf.compat.v1.Session` still `TypeError`: write `config=` ([shown here](#the-blog-posts-tfsessiontfconfigproto)) |

# %% [markdown] lang="zh"
# ## 准备
#
# 先关掉 TensorFlow 的 C++ 日志（必须在 `import tensorflow` 之前设置），再切换到图模式，
# 固定随机种子。
#
# 最后一行打印 TensorFlow 能看到几块 GPU。本站构建网页时不让它看到 GPU
# （`CUDA_VISIBLE_DEVICES=""`），所以页面上是 0。你在有 GPU 的机器上运行下载的笔记本，
# 讲设备的几节输出会不一样，文中会说明。
# %% [markdown] lang="en"
# ## Setup
#
# Silence TensorFlow's C++ logging (before `import tensorflow`), switch to graph mode and fix the
# seeds.
#
# The last line prints how many GPUs TensorFlow can see. The site is built with no GPU visible
# (`CUDA_VISIBLE_DEVICES=""`), so the page shows 0. Run the downloaded notebook on a machine with a
# GPU and the sections about devices print something else; the text says what.

# %%
import os

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"

import numpy as np
import tensorflow as tf

tf.compat.v1.disable_eager_execution()
tf.keras.utils.set_random_seed(0)
np.random.seed(0)
tf.compat.v1.set_random_seed(0)
GPUS = tf.config.list_physical_devices("GPU")

print("TensorFlow", tf.__version__)
print("executing eagerly:", tf.executing_eagerly())
print("GPUs visible:", len(GPUS))

# %% [markdown] lang="zh"
# ## `make_callable`：把一次运行固定成函数
#
# 先搭一张小图：占位符（`placeholder`）`x` 乘以一个常量矩阵得到 `y`；
# 另有一个不依赖任何输入的张量 `total`。整页前半部分共用一个会话 `sess`。
# %% [markdown] lang="en"
# ## `make_callable`: freeze one run into a function
#
# A small graph first: the `placeholder` `x` times a constant matrix gives `y`; `total` depends on
# no input at all. The first half of the page shares one session, `sess`.

# %%
x = tf.compat.v1.placeholder(tf.float32, shape=[None, 3], name="x")
w = tf.constant([[1.0], [2.0], [3.0]], name="w")
y = tf.matmul(x, w, name="y")
total = tf.reduce_sum(w, name="total")
noop = tf.no_op(name="noop")

sess = tf.compat.v1.Session()
data = np.array([[1.0, 1.0, 1.0], [0.0, 1.0, 0.0]], dtype=np.float32)

# %% [markdown] lang="zh"
# ### 不带馈送
#
# `sess.make_callable(fetches)` 返回的是一个普通的 Python 函数，调用它就运行一步，
# 返回值和 `sess.run(fetches)` 完全相同，连类型也一样：标量张量取回的是 `numpy.float32`，
# 取回操作（`Operation`）得到 `None`，列表和字典保持原来的结构。
#
# 源码里按取回的种类分成三条快速路径，函数名就能看出来走的是哪一条。
# %% [markdown] lang="en"
# ### Without feeds
#
# `sess.make_callable(fetches)` returns a plain Python function. Calling it runs one step and
# returns exactly what `sess.run(fetches)` returns, down to the type: a scalar tensor comes back as
# `numpy.float32`, an `Operation` gives `None`, lists and dicts keep their structure.
#
# The source has three fast paths, one per kind of fetch; the function's name shows which one you
# got.

# %%
run_total = sess.make_callable(total)
run_noop = sess.make_callable(noop)
run_dict = sess.make_callable({"total": total, "w": w})

for fn in (run_total, run_noop, run_dict):
    print(type(fn).__name__, fn.__name__)

print(type(run_total()).__name__, run_total())
print(run_noop())
print(run_dict())
assert run_total() == sess.run(total) and type(run_total()) is type(sess.run(total))
assert run_noop() is None

# %% [markdown] lang="zh"
# 返回的函数不接收任何位置参数。如果取回的张量依赖一个占位符，`make_callable` 不会提前检查，
# 调用时才报缺少馈送：
# %% [markdown] lang="en"
# The function takes no positional arguments. If the fetch depends on a placeholder,
# `make_callable` does not check it up front; the call fails because nothing was fed:

# %%
with expect(TypeError, "takes 0 positional arguments but 1 was given"):
    run_total(data)

run_y_unfed = sess.make_callable(y)
with expect(tf.errors.InvalidArgumentError, "You must feed a value for placeholder tensor 'x'"):
    run_y_unfed()

# %% [markdown] lang="zh"
# ### 带馈送：`feed_list`
#
# `make_callable(fetches, feed_list=[x])` 返回的函数按位置接收馈送值，第 i 个参数馈送给
# `feed_list` 的第 i 个元素。结果和 `sess.run(y, feed_dict={x: data})` 相同：
# %% [markdown] lang="en"
# ### With feeds: `feed_list`
#
# `make_callable(fetches, feed_list=[x])` returns a function that takes the feed values by
# position: argument i is fed to element i of `feed_list`. The result equals
# `sess.run(y, feed_dict={x: data})`:

# %%
run_y = sess.make_callable(y, feed_list=[x])
print(run_y.__name__)

out = run_y(data)
print(type(out).__name__, out.shape)
print(out)
np.testing.assert_array_equal(out, sess.run(y, feed_dict={x: data}))

# %% [markdown] lang="zh"
# 名字变成了 `_generic_run`。看一眼 TF 2.21 的源码就明白：只要 `feed_list` 不是 `None`，
# 返回的函数只是把参数和 `feed_list` 用 `zip` 配成 `feed_dict`，再调用 `self.run`。
# 所以带馈送的 `make_callable` 没有走任何快速路径（[迁移到 TF2](tf2-migration.md) 一页测了耗时）。
# %% [markdown] lang="en"
# The name is now `_generic_run`. The TF 2.21 source explains it: as soon as `feed_list` is not
# `None`, the returned function just `zip`s its arguments with `feed_list` into a `feed_dict` and
# calls `self.run`. A `make_callable` with feeds takes no fast path at all (the
# [From Session.run to TF2](tf2-migration.md) page measures it).

# %%
import inspect
import textwrap

source = inspect.getsource(tf.compat.v1.Session.make_callable)
start = source.index("if feed_list is not None:")
end = source.index("return _generic_run") + len("return _generic_run")
print(textwrap.dedent("    " + source[start:end]))

# %% [markdown] lang="zh"
# `zip` 带来两个后果：参数少了，Python 不报错，图里报“没有馈送”；参数多了，多出来的被静默丢掉。
# 报错的样子也变了：经过 `sess.run` 的错误带着“Graph execution error”和占位符定义处的节点信息，
# 而上一节快速路径的错误没有。另外，`feed_list=[]`（空列表而不是 `None`）也会走这条慢路径。
# %% [markdown] lang="en"
# `zip` has two consequences: too few arguments raise no Python error, the graph complains that
# nothing was fed; extra arguments are silently dropped. The error also looks different: through
# `sess.run` it is wrapped as "Graph execution error" with the node where the placeholder was
# defined, while the fast-path error above is not. Also, `feed_list=[]` (an empty list, not
# `None`) takes this slow path too.

# %%
with expect(tf.errors.InvalidArgumentError, "You must feed a value for placeholder tensor 'x'"):
    run_y()

np.testing.assert_array_equal(run_y(data, np.zeros((5, 5))), run_y(data))
print("extra argument ignored")

print(sess.make_callable(total, feed_list=[]).__name__)

# %% [markdown] lang="zh"
# `feed_list` 必须是列表或元组；直接传一个张量会得到 `TypeError`。
# 还有一个文档没写的细节：带馈送的函数把额外的关键字参数原样交给 `sess.run`，
# 所以即使没设 `accept_options=True`，也能传 `options` 和 `run_metadata`
# （见 [运行选项与运行元数据](session-run-metadata.md)）。
# %% [markdown] lang="en"
# `feed_list` must be a list or a tuple; a bare tensor gives `TypeError`. An undocumented detail:
# the function with feeds passes extra keyword arguments straight to `sess.run`, so it accepts
# `options` and `run_metadata` even without `accept_options=True` (see
# [options and run_metadata](session-run-metadata.md)).

# %%
with expect(TypeError, "Argument `feed_list` must be a list or tuple"):
    sess.make_callable(y, feed_list=x)

metadata = tf.compat.v1.RunMetadata()
options = tf.compat.v1.RunOptions(output_partition_graphs=True)
run_y(data, options=options, run_metadata=metadata)
print("partition graphs:", len(metadata.partition_graphs))
assert len(metadata.partition_graphs) == 1

# %% [markdown] lang="zh"
# ## `partial_run`：一步分几次运行
#
# `partial_run` 把**一步**运行拆成几段：先用 `partial_run_setup(fetches, feeds)` 声明这一步
# 全部要取回的张量和全部要馈送的占位符，得到一个句柄（handle）；之后每次 `partial_run`
# 只馈送一部分、取回一部分。已经算过的中间结果不会重算。
#
# 下面的图里，`r1 = a + b` 依赖一个计数器：每算一次 `r1`，计数器加一。
# `r2 = r1 * c` 要等 `c` 馈送后才能算。
# %% [markdown] lang="en"
# ## `partial_run`: one step in several parts
#
# `partial_run` splits **one** step into parts. `partial_run_setup(fetches, feeds)` declares every
# tensor the step will fetch and every placeholder it will feed, and returns a handle; each
# `partial_run` call then feeds some and fetches some. Intermediate results already computed are
# not computed again.
#
# In the graph below, `r1 = a + b` depends on a counter that goes up by one each time `r1` is
# computed. `r2 = r1 * c` can only run once `c` is fed.

# %%
a = tf.compat.v1.placeholder(tf.float32, shape=[], name="a")
b = tf.compat.v1.placeholder(tf.float32, shape=[], name="b")
c = tf.compat.v1.placeholder(tf.float32, shape=[], name="c")
counter = tf.compat.v1.Variable(0, name="counter")
bump = counter.assign_add(1)
with tf.control_dependencies([bump]):
    r1 = tf.add(a, b, name="r1")
r2 = tf.multiply(r1, c, name="r2")

sess.run(counter.initializer)

# %% [markdown] lang="zh"
# 这两个函数在 TF 2.21 里已经弃用，第一次调用时会通过 TF 的 Python 日志打印弃用警告。
# 警告的第一行带着调用处的文件路径，所以这里临时接管 TF 的日志记录器（logger），
# 去掉路径再打印。警告说“2023-06-01 之后移除”，但在 2.21 里它们还在，而且能用：
# %% [markdown] lang="en"
# Both functions are deprecated in TF 2.21 and log a deprecation warning through TF's Python logger
# on their first call. The warning starts with the caller's file path, so the helper below takes
# over TF's logger for a moment and prints the messages without the path. The warning says
# "removed after 2023-06-01", yet in 2.21 both functions are still there and still work:

# %%
import contextlib
import logging
import re


@contextlib.contextmanager
def tf_log():
    """Collect what TF's Python logger emits in the block; print it without file paths."""
    records = []
    handler = logging.Handler()
    handler.emit = records.append
    logger = tf.get_logger()
    saved = logger.handlers[:], logger.propagate
    logger.handlers, logger.propagate = [handler], False
    try:
        yield
    finally:
        logger.handlers, logger.propagate = saved
        for record in records:
            message = re.sub(r"^From .*?:\d+: ", "", record.getMessage())
            print(f"[TF log, {record.levelname}] {message}")


with tf_log():
    handle = sess.partial_run_setup([r1, r2], [a, b, c])
    first = sess.partial_run(handle, r1, feed_dict={a: 1.0, b: 2.0})
    second = sess.partial_run(handle, r2, feed_dict={c: 10.0})

print("handle type:", type(handle).__name__)
print("r1 =", first, "| r2 =", second, "| counter =", sess.run(counter))
assert (first, second, sess.run(counter)) == (3.0, 30.0, 1)

# %% [markdown] lang="zh"
# 计数器只加了 1：`r2` 用的是第一段里算好的 `r1`。换成两次普通的 `sess.run`，
# 第二次取回 `r2` 时 `r1` 要重新算，计数器会再加 1；而且第二次还得把 `a`、`b` 再馈送一遍：
# %% [markdown] lang="en"
# The counter went up by one only: `r2` used the `r1` computed in the first part. With two plain
# `sess.run` calls, fetching `r2` computes `r1` again and bumps the counter again, and `a` and `b`
# must be fed a second time:

# %%
sess.run(counter.initializer)
sess.run(r1, feed_dict={a: 1.0, b: 2.0})
sess.run(r2, feed_dict={a: 1.0, b: 2.0, c: 10.0})
print("counter after two sess.run calls:", sess.run(counter))
assert sess.run(counter) == 2

# %% [markdown] lang="zh"
# 规则很严：还没馈送 `c` 就取回 `r2` 不行；同一个占位符不能馈送两次；同一个张量不能取两次；
# `setup` 里声明的取回全部取完以后，这个句柄就失效了。
# 注意第一条消息的措辞：它说的“Fetch c:0”其实是还没馈送的占位符 `c`。
# %% [markdown] lang="en"
# The rules are strict: `r2` cannot be fetched before `c` is fed; a placeholder cannot be fed
# twice; a tensor cannot be fetched twice; once every fetch declared in `setup` has been fetched,
# the handle is finished.
# Mind the wording of the first message: the "Fetch c:0" it names is the placeholder `c`, which
# has not been fed yet.

# %%
handle = sess.partial_run_setup([r1, r2], [a, b, c])
with expect(tf.errors.InvalidArgumentError, "can't be computed from the feeds"):
    sess.partial_run(handle, r2, feed_dict={a: 1.0, b: 2.0})

handle = sess.partial_run_setup([r1, r2], [a, b, c])
sess.partial_run(handle, r1, feed_dict={a: 1.0, b: 2.0})
with expect(tf.errors.InvalidArgumentError, "has already been fed"):
    sess.partial_run(handle, r2, feed_dict={a: 5.0, c: 10.0})
with expect(tf.errors.InvalidArgumentError, "has already been fetched"):
    sess.partial_run(handle, r1, feed_dict={c: 10.0})

handle = sess.partial_run_setup([r1, r2], [a, b, c])
sess.partial_run(handle, [r1, r2], feed_dict={a: 1.0, b: 2.0, c: 10.0})
with expect(tf.errors.InvalidArgumentError, "Must run 'setup' before performing partial runs"):
    sess.partial_run(handle, r1, feed_dict={})

# %% [markdown] lang="zh"
# ## 默认会话：`with Session()` 和 `as_default()`
#
# `tensor.eval()` 和 `operation.run()` 不带会话参数时，用的是默认会话。
# 没有默认会话就报 `ValueError`，两条消息略有不同：
# %% [markdown] lang="en"
# ## The default session: `with Session()` and `as_default()`
#
# `tensor.eval()` and `operation.run()` without a session argument use the default session. With
# no default session they raise `ValueError`, with slightly different messages:

# %%
print("default session:", tf.compat.v1.get_default_session())
assert tf.compat.v1.get_default_session() is None

with expect(ValueError, "Cannot evaluate tensor using `eval()`: No default session is registered"):
    total.eval()
with expect(ValueError, "Cannot execute operation using `run()`: No default session is registered"):
    counter.initializer.run()

print("explicit session:", total.eval(session=sess))

# %% [markdown] lang="zh"
# 有两种办法设默认会话。`with tf.compat.v1.Session() as s1:` 在块内把 `s1` 设为默认，
# **离开时关闭它**，之后再用就是 `RuntimeError`。
# %% [markdown] lang="en"
# There are two ways to set it. `with tf.compat.v1.Session() as s1:` makes `s1` the default inside
# the block and **closes it on exit**; using it afterwards is a `RuntimeError`.

# %%
with tf.compat.v1.Session() as s1:
    print("inside: default is s1:", tf.compat.v1.get_default_session() is s1)
    print("total.eval():", total.eval())
    counter.initializer.run()

print("after: default session:", tf.compat.v1.get_default_session())
with expect(RuntimeError, "Attempted to use a closed Session."):
    s1.run(total)

# %% [markdown] lang="zh"
# `with sess.as_default():` 只在块内把 `sess` 设为默认，离开时**不关闭**，`sess` 还能接着用。
# 两种写法可以嵌套：内层结束后，默认会话恢复成外层那个。
# %% [markdown] lang="en"
# `with sess.as_default():` only makes `sess` the default inside the block and does **not** close
# it; `sess` keeps working afterwards. The two forms nest: when the inner block ends, the outer
# session is the default again.

# %%
with sess.as_default():
    print("inside: default is sess:", tf.compat.v1.get_default_session() is sess)
    print("total.eval():", total.eval())
    with tf.compat.v1.Session() as inner:
        print("nested: default is inner:", tf.compat.v1.get_default_session() is inner)
    print("back to sess:", tf.compat.v1.get_default_session() is sess)

print("after: default session:", tf.compat.v1.get_default_session())
print("sess still works:", sess.run(total))

# %% [markdown] lang="zh"
# ## `InteractiveSession`
#
# `tf.compat.v1.InteractiveSession()` 一创建就把自己设为默认会话，不需要 `with`，
# 适合在交互式环境里直接写 `t.eval()`。代价是必须自己 `close()`。
# 已经有一个没关的 `InteractiveSession` 时再建一个，TF 会记一条 ERROR 日志提醒你；
# 关掉第二个之后，第一个又成为默认会话。
# %% [markdown] lang="en"
# ## `InteractiveSession`
#
# `tf.compat.v1.InteractiveSession()` makes itself the default session as soon as it is created,
# with no `with` block, so that `t.eval()` works directly in an interactive shell. The price: you
# must `close()` it yourself. Creating a second one while the first is still open logs an ERROR;
# once the second is closed, the first is the default again.

# %%
isess = tf.compat.v1.InteractiveSession()
print("default is isess:", tf.compat.v1.get_default_session() is isess)
print("y.eval():", y.eval(feed_dict={x: data}).ravel())

with tf_log():
    isess2 = tf.compat.v1.InteractiveSession()
print("default is isess2:", tf.compat.v1.get_default_session() is isess2)

isess2.close()
print("after isess2.close(), default is isess:", tf.compat.v1.get_default_session() is isess)
isess.close()
print("after isess.close(), default session:", tf.compat.v1.get_default_session())
assert tf.compat.v1.get_default_session() is None

# %% [markdown] lang="zh"
# ## `ConfigProto`：会话配置
#
# `ConfigProto` 是一个协议缓冲区（protocol buffer），创建会话时用 `config=` 传入。
# 常用的几个字段：
#
# - `intra_op_parallelism_threads`：**一个**操作内部（比如一个大矩阵乘法）最多用几个线程；
# - `inter_op_parallelism_threads`：最多同时运行几个**互不依赖**的操作；
# - 这两个取 0（默认）表示由 TF 决定：先看环境变量 `TF_NUM_INTRAOP_THREADS`、`TF_NUM_INTEROP_THREADS`
#   （本站构建网页时都设成 1），没有就按 CPU 核数。它们主要影响速度，本页无法用输出证明。
#   但也可能改变浮点结果的最后几位：一个求和分给几个线程算，相加的顺序就变了。
#   本站构建时每个运算只用一个线程，输出就不随 CPU 核数变化；
# - `device_count`：每种设备最多建几个；
# - `allow_soft_placement`：指定的设备不存在时，是否允许自动换到能用的设备；
# - `log_device_placement`：是否打印每个操作被放到了哪个设备。
#
# 直接打印配置，看到的是协议缓冲区的文本格式，只列出改过的字段：
# %% [markdown] lang="en"
# ## `ConfigProto`: session configuration
#
# `ConfigProto` is a protocol buffer passed as `config=` when a session is created. The common
# fields:
#
# - `intra_op_parallelism_threads`: how many threads **one** op (say, a large matmul) may use;
# - `inter_op_parallelism_threads`: how many **independent** ops may run at the same time;
# - 0 (the default) for either lets TF choose: from the environment variables
#   `TF_NUM_INTRAOP_THREADS` and `TF_NUM_INTEROP_THREADS` if set (this site's build sets both to
#   1), else from the number of cores. They mostly change speed, which this page cannot show in
#   its output. They can also change the last digits of float results: a sum split across threads
#   adds up in another order. The site's build uses one thread per op, so its outputs do not
#   depend on the number of cores;
# - `device_count`: the maximum number of devices of each type;
# - `allow_soft_placement`: whether an op pinned to a missing device may move to one that exists;
# - `log_device_placement`: whether to print the device each op is placed on.
#
# Printing a config shows the protocol buffer's text format, with only the fields that were set:

# %%
config = tf.compat.v1.ConfigProto(
    intra_op_parallelism_threads=2,
    inter_op_parallelism_threads=1,
    device_count={"CPU": 2},
    allow_soft_placement=True,
)
print(config)
print("default allow_soft_placement:", tf.compat.v1.ConfigProto().allow_soft_placement)

# %% [markdown] lang="zh"
# ### `device_count` 与 `sess.list_devices()`
#
# 构建本页时看不到 GPU，所以默认配置下会话里只有一个设备 `CPU:0`；`device_count={"CPU": 2}`
# 则在同一组 CPU 核上建出两个逻辑设备。`list_devices()` 还给出每个设备的内存上限；
# 每个设备另有一个随机的 `incarnation` 编号，每次运行都变，这里不打印。
# 在有 GPU 的机器上，两种配置都还会列出 `GPU:0`（`device_count` 这里只改了 CPU 的个数）。
# %% [markdown] lang="en"
# ### `device_count` and `sess.list_devices()`
#
# The page is built with no GPU visible, so with the default config a session has one device,
# `CPU:0`; `device_count={"CPU": 2}` creates two logical devices on the same cores.
# `list_devices()` also gives each device's memory limit; each device also has a random
# `incarnation` number that changes every run, so it is not printed. On a machine with a GPU, both
# configs also list `GPU:0` (`device_count` here only changes the number of CPUs).

# %%
for name, cfg in [("default", tf.compat.v1.ConfigProto()), ("CPU: 2", config)]:
    with tf.compat.v1.Session(config=cfg) as s:
        print(name)
        for device in s.list_devices():
            print("   ", device.name, device.device_type, device.memory_limit_bytes)

# %% [markdown] lang="zh"
# ### `log_device_placement` 打印到哪里去了
#
# 打开 `log_device_placement` 后，每个操作的放置结果由 TF 的 C++ 代码用 `printf`
# 直接写进进程的标准输出（文件描述符 1），不经过 Python 的 `sys.stdout`；
# 同一行还有一份 C++ 日志写到 stderr，已被 `TF_CPP_MIN_LOG_LEVEL=3` 关掉。
# 本站构建时，内核不把文件描述符上的输出转发到笔记本，所以在内核里运行它，页面上什么也看不到
# （你在普通 Jupyter 里运行下载的笔记本时，内核可能会转发这些行）。
#
# 想看到这些行，就在子进程里运行，捕获子进程的标准输出。子进程的 Python 代码自己什么也不打印，
# 下面的每一行都来自 C++（顺序排过序）：每个操作一行，格式是“名字: (类型): 设备”。
# 子进程和笔记本看到的 GPU 一样；有 GPU 时，`q` 放在 `GPU:0` 上。
# %% [markdown] lang="en"
# ### Where does `log_device_placement` print?
#
# With `log_device_placement` on, TF's C++ code writes the placement of each op with `printf`
# straight to the process's standard output (file descriptor 1), bypassing Python's `sys.stdout`;
# a C++ log copy of each line goes to stderr and is silenced by `TF_CPP_MIN_LOG_LEVEL=3`. The
# kernel that builds this site does not forward file-descriptor output to the notebook, so running
# it in the kernel shows nothing on the page (if you run the downloaded notebook in a regular
# Jupyter, its kernel may forward the lines).
#
# To see the lines, run the code in a subprocess and capture its standard output. The child's
# Python code prints nothing itself, so every line below comes from C++ (sorted here): one line per
# op, as "name: (type): device". The child sees the same GPUs as the notebook; with a GPU, `q` is
# placed on `GPU:0`.

# %%
import subprocess
import sys

child_code = """
import os
os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"
import tensorflow as tf
tf.compat.v1.disable_eager_execution()
p = tf.compat.v1.placeholder(tf.float32, shape=[2], name="p")
q = tf.multiply(p, 3.0, name="q")
config = tf.compat.v1.ConfigProto(log_device_placement=True)
with tf.compat.v1.Session(config=config) as s:
    s.run(q, feed_dict={p: [1.0, 2.0]})
"""
child = subprocess.run(
    [sys.executable, "-c", child_code],
    capture_output=True,
    text=True,
    check=True,
    env=dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3"),
)
print("\n".join(sorted(child.stdout.splitlines())))
q_device = "GPU:0" if GPUS else "CPU:0"
assert f"q: (Mul): /job:localhost/replica:0/task:0/device:{q_device}" in child.stdout

# %% [markdown] lang="zh"
# 不想开子进程，也可以在内核里查：`sess.list_devices()` 列出有哪些设备（上一节）；
# 想知道每个操作实际放在哪里，就让这一步带回分区图（partition graph），
# 见 [运行选项与运行元数据](session-run-metadata.md)。下一节就用这个办法。
# %% [markdown] lang="en"
# Without a subprocess, ask from the kernel: `sess.list_devices()` lists the devices (previous
# section); for the device each op really ran on, have the step return its partition graphs, see
# [options and run_metadata](session-run-metadata.md). The next section does exactly that.

# %% [markdown] lang="zh"
# ### 在没有 GPU 的机器上指定 `/GPU:0`
#
# 用 `tf.device("/GPU:0")` 把 `on_gpu` 钉在 GPU 上，`plain` 不指定设备。建图时不会报错，
# 操作的 `device` 属性只是记下了请求的设备。
#
# 本站构建网页时看不到 GPU，所以本页演示的是没有 GPU 的情况。你在有 GPU 的机器上运行下载的笔记本，
# 下面两格会走另一个分支：`on_gpu` 照常在 GPU 上运行，格子打印它所在的设备。
# %% [markdown] lang="en"
# ### Pinning to `/GPU:0` on a machine without a GPU
#
# `tf.device("/GPU:0")` pins `on_gpu` to the GPU; `plain` has no device. Building the graph raises
# nothing: the op's `device` attribute only records the request.
#
# The site is built with no GPU visible, so this page shows the case without a GPU. Run the
# downloaded notebook on a machine with a GPU and the next two cells take another branch: `on_gpu`
# simply runs on the GPU, and the cells print the device it ran on.

# %%
gpu_graph = tf.Graph()
with gpu_graph.as_default():
    v = tf.compat.v1.placeholder(tf.float32, shape=[2], name="v")
    plain = tf.add(v, 1.0, name="plain")
    with tf.device("/GPU:0"):
        on_gpu = tf.multiply(v, 3.0, name="on_gpu")

print("requested:", repr(on_gpu.device), "|", repr(plain.device))
feed = {v: [1.0, 2.0]}

# %% [markdown] lang="zh"
# 没有 GPU 时，默认配置（`allow_soft_placement=False`）下运行 `on_gpu` 得到 `InvalidArgumentError`。
# 更意外的是：只取回**不在** GPU 上的 `plain` 也同样失败。会话在第一次运行时给整张图分配设备，
# 而不只是这一步要用的那部分，所以一个放不下的操作会让这个会话里的**每一次**运行都失败。
# 有 GPU 时，两次取回都正常。
# %% [markdown] lang="en"
# Without a GPU and with the default config (`allow_soft_placement=False`), running `on_gpu`
# raises `InvalidArgumentError`. More surprising: fetching only `plain`, which is **not** on the
# GPU, fails the same way. The session places the whole graph on its first run, not just the part
# this step needs, so one op that cannot be placed breaks **every** run in that session. With a
# GPU, both fetches work.


# %%
def run_placed(session, fetch):
    """Run one fetch; return its value and the device of every op, from the partition graphs."""
    metadata = tf.compat.v1.RunMetadata()
    value = session.run(
        fetch,
        feed_dict=feed,
        options=tf.compat.v1.RunOptions(output_partition_graphs=True),
        run_metadata=metadata,
    )
    return value, {n.name: n.device for g in metadata.partition_graphs for n in g.node}


with tf.compat.v1.Session(graph=gpu_graph) as s:
    if not GPUS:  # the site's build: no GPU visible
        with expect(tf.errors.InvalidArgumentError, "Cannot assign a device for operation on_gpu"):
            s.run(on_gpu, feed_dict=feed)
        with expect(tf.errors.InvalidArgumentError, "was explicitly assigned to /device:GPU:0"):
            s.run(plain, feed_dict=feed)
    else:  # a machine with a GPU: the pin is simply honoured
        result, placed = run_placed(s, on_gpu)
        print("on_gpu =", result, "ran on:", placed["on_gpu"])
        print("plain =", s.run(plain, feed_dict=feed))
        assert placed["on_gpu"].endswith("device:GPU:0")

# %% [markdown] lang="zh"
# 打开 `allow_soft_placement` 后，没有 GPU 时 `on_gpu` 被悄悄放到了 `CPU:0`（本页就是这样）；
# 有 GPU 时它仍在 `GPU:0` 上。上一格定义的 `run_placed` 带回分区图，就能看到每个操作实际所在的设备：
# %% [markdown] lang="en"
# With `allow_soft_placement` and no GPU, `on_gpu` quietly moves to `CPU:0` (as on this page); with
# a GPU it stays on `GPU:0`. `run_placed`, defined in the previous cell, returns the partition
# graphs, which show the device each op really ran on:

# %%
soft = tf.compat.v1.ConfigProto(allow_soft_placement=True)
with tf.compat.v1.Session(graph=gpu_graph, config=soft) as s:
    result, placed = run_placed(s, on_gpu)

print("on_gpu =", result)
print("on_gpu ran on:", placed["on_gpu"])
assert placed["on_gpu"].endswith("device:GPU:0" if GPUS else "device:CPU:0")

# %% [markdown] lang="zh"
# ## 原博客的 `tf.Session(tf.ConfigProto())`
#
# 原博客写的是 `with tf.Session(tf.ConfigProto()) as sess:`。TF 2 的顶层没有 `tf.Session`；
# 换成 `tf.compat.v1.Session` 之后，配置被当成了第一个位置参数 `target`，得到 `TypeError`。
# 构造失败的会话被回收时，它的 `__del__` 还会报一个被忽略的 `AttributeError`；
# 和 [快速上手](quick-start.md) 一样，这里换掉 `sys.unraisablehook`，把它打印成一行，不带本机路径。
# %% [markdown] lang="en"
# ## The blog post's `tf.Session(tf.ConfigProto())`
#
# The blog post writes `with tf.Session(tf.ConfigProto()) as sess:`. TF 2 has no top-level `tf.Session`;
# with `tf.compat.v1.Session` the config lands in the first positional parameter, `target`, and
# the result is a `TypeError`. When the half-built session is garbage-collected, its `__del__`
# reports one more, ignored, `AttributeError`; as on the [quick start](quick-start.md) page,
# `sys.unraisablehook` is replaced to print it on one line, without local paths.

# %%
with expect(AttributeError, "has no attribute 'Session'"):
    tf.Session(tf.compat.v1.ConfigProto())


def print_unraisable(info):
    print(f"ignored in {info.object.__qualname__}: {info.exc_type.__name__}: {info.exc_value}")


sys.unraisablehook = print_unraisable
with expect(TypeError, 'Did you do "Session(config)" instead of "Session(config=config)"?'):
    tf.compat.v1.Session(tf.compat.v1.ConfigProto())
sys.unraisablehook = sys.__unraisablehook__

with tf.compat.v1.Session(config=tf.compat.v1.ConfigProto()) as s:
    print("config= works:", s.run(total))

# %% [markdown] lang="zh"
# 最后关掉前半部分一直在用的会话。
# %% [markdown] lang="en"
# Finally, close the session used throughout the first half.

# %%
sess.close()
with expect(RuntimeError, "Attempted to use a closed Session."):
    sess.run(total)

# %% [markdown] lang="zh"
# ## 小结
#
# - 不带馈送的 `make_callable` 走快速路径；带 `feed_list` 的只是 `sess.run` 的包装，参数个数不对也不报 Python 错。
# - `partial_run` 在 TF 2.21 里还能用，但已弃用；同一步里已算过的中间结果不会重算。
# - `with Session() as s` 会关闭会话，`with s.as_default()` 不会；`eval()` / `run()` 需要默认会话。
# - `InteractiveSession` 自己成为默认会话，用完要 `close()`。
# - `log_device_placement` 的输出不走 Python；想在笔记本里看放置结果，用 `list_devices()` 和分区图。
# - 没有 GPU 时钉在 `/GPU:0` 的操作会让整个会话无法运行，除非打开 `allow_soft_placement`。
# - 配置一律写成 `Session(config=...)`。
# %% [markdown] lang="en"
# ## Summary
#
# - `make_callable` without feeds takes a fast path; with `feed_list` it only wraps `sess.run`, and
#   a wrong number of arguments raises no Python error.
# - `partial_run` still works in TF 2.21 but is deprecated; intermediate results of the step are
#   not computed twice.
# - `with Session() as s` closes the session, `with s.as_default()` does not; `eval()` / `run()`
#   need a default session.
# - `InteractiveSession` makes itself the default; `close()` it when done.
# - `log_device_placement` output bypasses Python; in a notebook, use `list_devices()` and the
#   partition graphs to see placement.
# - Without a GPU, an op pinned to `/GPU:0` breaks the whole session unless `allow_soft_placement`
#   is on.
# - Always write `Session(config=...)`.
