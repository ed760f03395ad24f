# %% [markdown] lang="zh"
# # 错误速查：会话、图与取回
#
# 从搜索引擎跳到这里？在表里找到你看到的报错消息，点进去。
# 本页收录用会话（`Session`）运行计算图（graph）时，建图、开关会话、默认会话（`eval`）
# 和取回（`fetch`）这几步的常见报错，也涉及占位符（`placeholder`）和即时执行（eager execution）。
# 每一节都先用真实代码触发这个错误（TensorFlow 2.21，类型和消息都由构建检查），
# 再说明原因和解决办法；能顺手演示的，也演示修好之后的样子。
# 较早的 TensorFlow 版本措辞不同的，该节末尾也列出旧的消息（只列能从 TensorFlow 源码或它真实打印的输出核实的）。
# 表里没有你的消息？馈送（`feed`）的报错在 [错误速查：馈送](feed-and-runtime-errors.md)，
# 运行时的报错在 [错误速查：运行时](runtime-errors.md)。
#
# | 类型 | 消息（节选，点击跳转） | 原因 | 解决 |
# |---|---|---|---|
# | `TypeError` | [Argument `target` must be a string, but got "ConfigProto"](#target-must-be-a-string) | 配置放在了第一个位置参数 `target` 上 | `Session(config=...)` |
# | `RuntimeError` | [The Session graph is empty.](#session-graph-is-empty) | 会话的图里一个操作也没有（常见于开着即时执行） | 在 `with g.as_default():` 里建图，`Session(graph=g)` |
# | `RuntimeError` | [tf.placeholder() is not compatible with eager execution.](#placeholder-not-compatible-with-eager) | 即时执行下创建占位符 | 在图里创建 |
# | `TypeError` | [… is out of scope and cannot be used here.](#out-of-scope) | 在图外拿图里的张量做运算 | 运算也写进 `with g.as_default():` |
# | `RuntimeError` | [Session context managers are not re-entrant.](#session-not-re-entrant) | `with sess:` 嵌套 | 内层用 `with sess.as_default():` |
# | `RuntimeError` | [Attempted to use a closed Session.](#closed-session) | 会话已经关闭（包括 `with` 块结束） | 在块内运行，或新开会话 |
# | `ValueError` | [Cannot evaluate tensor using `eval()`: No default session is registered.](#no-default-session) | 没有默认会话时调用 `t.eval()` | `t.eval(session=sess)` 或 `with sess.as_default():` |
# | `ValueError` | [… the tensor's graph is different from the session's graph.](#eval-graph-is-different) | `eval` 用了别的图的会话 | 用张量所在图的会话 |
# | `TypeError` | [Argument `fetch` = 1 has invalid type "int"](#fetch-invalid-type-int) | 取回的是 Python 数字、集合等 | 取回张量、操作、名字，或它们的列表/元组/字典 |
# | `TypeError` | [Argument `fetch` = None … Cannot be None](#fetch-cannot-be-none) | 取回的是 `None`（如没有摘要时的 `merge_all()`） | 先检查 `None` |
# | `ValueError` | [The name 'nope' refers to an Operation not in the graph.](#fetch-operation-not-in-graph) | 操作名不在图里 | 查 `g.get_operations()` |
# | `ValueError` | [The name 'nope:0' refers to a Tensor which does not exist.](#fetch-tensor-does-not-exist) | 张量名或输出序号不存在 | 用已有操作的 `名字:序号` |
# | `ValueError` | [… is not an element of this graph.](#fetch-not-an-element-of-this-graph) | 取回了另一张图里的张量 | 为那张图新开会话 |
#
# 本页始终开着 TF 2 默认的即时执行，图模式（graph mode）的代码都写在
# `with g.as_default():` 里。表里前几条就是这种写法最常见的坑。
# 取回和馈送的正常用法见 [取回](session-fetches.md) 和
# [馈送](session-feed-dict.md)；术语见 [术语表](glossary.md)。
# %% [markdown] lang="en"
# # Errors reference: sessions, graphs and fetches
#
# Landed here from a search? Find your error message in the table and follow the link. This page
# covers building the graph, opening and closing a `Session`, the default session (`eval`) and
# fetches. Each section triggers the error with real code (TensorFlow 2.21; the build checks type
# and message), then explains the cause and the fix. Where it is cheap, it also shows the fix
# working. Where older TensorFlow releases word the error differently, the section ends with the
# older message (only wordings verified in TensorFlow's source or in output it printed). Not in
# the table? Errors of feeds are in [Errors reference: feeds](feed-and-runtime-errors.md), errors
# of run time in [Errors reference: run time](runtime-errors.md).
#
# | Type | Message (excerpt, links to the section) | Cause | Fix |
# |---|---|---|---|
# | `TypeError` | [Argument `target` must be a string, but got "ConfigProto"](#target-must-be-a-string) | the config went to the first positional parameter, `target` | `Session(config=...)` |
# | `RuntimeError` | [The Session graph is empty.](#session-graph-is-empty) | the session's graph has no operations (typical with eager on) | build in `with g.as_default():`, then `Session(graph=g)` |
# | `RuntimeError` | [tf.placeholder() is not compatible with eager execution.](#placeholder-not-compatible-with-eager) | placeholder created while eager is on | create it inside a graph |
# | `TypeError` | [… is out of scope and cannot be used here.](#out-of-scope) | a graph tensor used outside its graph | build the op inside `with g.as_default():` too |
# | `RuntimeError` | [Session context managers are not re-entrant.](#session-not-re-entrant) | nested `with sess:` | inner block: `with sess.as_default():` |
# | `RuntimeError` | [Attempted to use a closed Session.](#closed-session) | the session is closed (the end of a `with` block closes it too) | run inside the block, or open a new session |
# | `ValueError` | [Cannot evaluate tensor using `eval()`: No default session is registered.](#no-default-session) | `t.eval()` with no default session | `t.eval(session=sess)` or `with sess.as_default():` |
# | `ValueError` | [… the tensor's graph is different from the session's graph.](#eval-graph-is-different) | `eval` with a session of another graph | use a session of the tensor's graph |
# | `TypeError` | [Argument `fetch` = 1 has invalid type "int"](#fetch-invalid-type-int) | fetching a Python number, a set, ... | fetch tensors, ops, names, or lists/tuples/dicts of them |
# | `TypeError` | [Argument `fetch` = None … Cannot be None](#fetch-cannot-be-none) | fetching `None` (e.g. `merge_all()` with no summaries) | check for `None` first |
# | `ValueError` | [The name 'nope' refers to an Operation not in the graph.](#fetch-operation-not-in-graph) | no operation of that name | look at `g.get_operations()` |
# | `ValueError` | [The name 'nope:0' refers to a Tensor which does not exist.](#fetch-tensor-does-not-exist) | no such tensor name or output index | `name:index` of an existing op |
# | `ValueError` | [… is not an element of this graph.](#fetch-not-an-element-of-this-graph) | fetching a tensor of another graph | open a session for that graph |
#
# This page keeps TF 2's default eager execution on and writes graph-mode code inside
# `with g.as_default():` blocks. The first rows of the table are the usual traps of that style.
# For normal use of fetches and feeds see [fetches](session-fetches.md) and
# [feeds](session-feed-dict.md); terms are in the [glossary](glossary.md).

# %% [markdown] lang="zh"
# ## 准备
#
# 一张小图：常量 `a`、形状为 `[2]` 的占位符 `p`，以及 `doubled = p * 2`。
# 后面各节都往这张图 `g` 里加节点（node），大多数错误都在同一个会话 `sess` 里触发。
# %% [markdown] lang="en"
# ## Setup
#
# A small graph: a constant `a`, a `placeholder` `p` of shape `[2]`, and `doubled = p * 2`. Later
# sections add nodes to this graph `g`, and most errors are triggered in the same `Session`,
# `sess`.

# %%
import os

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"

import sys

import numpy as np
import tensorflow as tf

tf.keras.utils.set_random_seed(0)
np.random.seed(0)
tf.compat.v1.set_random_seed(0)

print("TensorFlow", tf.__version__, "| numpy", np.__version__)
print("executing eagerly:", tf.executing_eagerly())

# %%
g = tf.Graph()
with g.as_default():
    a = tf.constant(1.0, name="a")
    p = tf.compat.v1.placeholder(tf.float32, shape=[2], name="p")
    doubled = tf.multiply(p, 2.0, name="doubled")

sess = tf.compat.v1.Session(graph=g)
print(sess.run(doubled, feed_dict={p: [1.0, 2.0]}))

# %% [markdown] lang="zh"
# ## TypeError: Argument `target` must be a string, but got "ConfigProto". Did you do "Session(config)" instead of "Session(config=config)"? {#target-must-be-a-string}
#
# 创建会话时参数放错了位置。
#
# **原因**：`Session(target='', graph=None, config=None)` 的第一个位置参数是 `target`
# （执行引擎的地址），不是配置。把图按位置传进去也一样，只是消息里没有那句提示。
# 构造到一半失败的会话被回收时，`__del__` 还会打印一条被忽略的 `AttributeError`，
# 这条可以不管；下面把 `sys.unraisablehook` 临时换成只打印一行，好让你看见它。
#
# **解决**：用关键字参数：`Session(config=...)`、`Session(graph=...)`。
#
# 较早的 TensorFlow 版本报的是：
# `TypeError: target must be a string, but got <class '…ConfigProto'>. Did you do "Session(config)" instead of "Session(config=config)"?`
# %% [markdown] lang="en"
# ## TypeError: Argument `target` must be a string, but got "ConfigProto". Did you do "Session(config)" instead of "Session(config=config)"? {#target-must-be-a-string}
#
# An argument went to the wrong place when the session was created.
#
# **Cause.** The first positional parameter of `Session(target='', graph=None, config=None)` is
# `target` (the address of the execution engine), not the config. Passing the graph by position
# fails the same way, only without the hint. When the half-built session is garbage-collected, its
# `__del__` also reports an ignored `AttributeError`, which is harmless; below,
# `sys.unraisablehook` is swapped for one that prints a single line, so that you see it.
#
# **Fix.** Use keywords: `Session(config=...)`, `Session(graph=...)`.
#
# Older TensorFlow releases say:
# `TypeError: target must be a string, but got <class '…ConfigProto'>. Did you do "Session(config)" instead of "Session(config=config)"?`


# %%
def print_unraisable(info):
    print(f"ignored in {info.object.__qualname__}: {info.exc_type.__name__}: {info.exc_value}")


sys.unraisablehook = print_unraisable
with expect(TypeError, 'Did you do "Session(config)" instead of "Session(config=config)"?'):
    tf.compat.v1.Session(tf.compat.v1.ConfigProto())
with expect(TypeError, 'Argument `target` must be a string, but got "Graph"'):
    tf.compat.v1.Session(g)
sys.unraisablehook = sys.__unraisablehook__

with tf.compat.v1.Session(graph=g, config=tf.compat.v1.ConfigProto()) as fixed:
    print("fixed:", fixed.run(a))

# %% [markdown] lang="zh"
# ## RuntimeError: The Session graph is empty. Add operations to the graph before calling run(). {#session-graph-is-empty}
#
# 会话要运行的图里一个操作（operation）也没有。
#
# **原因**：TF 2 默认开着即时执行。这时 `tf.constant(3.0)` 立刻算出一个值（`EagerTensor`），
# 不会进入任何图；而不带参数的 `tf.compat.v1.Session()` 用的是全局默认图（default graph），它是空的。
# 图是空的时候，哪怕取回一个空列表也会报这个错。
#
# **解决**：在 `with g.as_default():` 里建图，再用 `Session(graph=g)` 运行；
# 或者在程序开头调用 `tf.compat.v1.disable_eager_execution()`。
# 图里只要有节点，`sess.run([])` 就只是返回空列表。
# %% [markdown] lang="en"
# ## RuntimeError: The Session graph is empty. Add operations to the graph before calling run(). {#session-graph-is-empty}
#
# The graph the session runs has no operations at all.
#
# **Cause.** TF 2 runs eagerly by default. `tf.constant(3.0)` then computes a value right away (an
# `EagerTensor`) and adds nothing to any graph, while `tf.compat.v1.Session()` without arguments
# runs the global default graph, which is empty. With an empty graph even fetching an empty list
# fails.
#
# **Fix.** Build the graph inside `with g.as_default():` and run it with `Session(graph=g)`, or call
# `tf.compat.v1.disable_eager_execution()` at the start of the program. Once the graph has nodes,
# `sess.run([])` simply returns an empty list.

# %%
x = tf.constant(3.0)  # eager is on: a value, not a graph node
print(type(x).__name__)
with tf.compat.v1.Session() as default_sess:
    print("operations in the default graph:", len(default_sess.graph.get_operations()))
    with expect(RuntimeError, "The Session graph is empty."):
        default_sess.run(x)
    with expect(RuntimeError, "The Session graph is empty."):
        default_sess.run([])

print("fixed:", sess.run([]), sess.run({}))
assert sess.run([]) == [] and sess.run({}) == {}

# %% [markdown] lang="zh"
# ## RuntimeError: tf.placeholder() is not compatible with eager execution. {#placeholder-not-compatible-with-eager}
#
# 即时执行下没有“以后再填的值”，所以不能创建占位符。
#
# **原因**：在任何 `with g.as_default():` 之外调用了 `tf.compat.v1.placeholder`。
#
# **解决**：在图里创建占位符，像上面的 `p` 那样；或者先关掉即时执行。
# %% [markdown] lang="en"
# ## RuntimeError: tf.placeholder() is not compatible with eager execution. {#placeholder-not-compatible-with-eager}
#
# Eager execution has no "value to be supplied later", so it cannot create a placeholder.
#
# **Cause.** `tf.compat.v1.placeholder` was called outside any `with g.as_default():` block.
#
# **Fix.** Create placeholders inside a graph, as `p` above, or disable eager execution first.

# %%
with expect(RuntimeError, "tf.placeholder() is not compatible with eager execution."):
    tf.compat.v1.placeholder(tf.float32, shape=[2])

with g.as_default():
    fixed_p = tf.compat.v1.placeholder(tf.float32, shape=[2])
print("fixed:", fixed_p)

# %% [markdown] lang="zh"
# ## TypeError: &lt;tf.Tensor 'p:0' shape=(2,) dtype=float32&gt; is out of scope and cannot be used here. {#out-of-scope}
#
# 图里的张量被拿到了图外面用。
#
# **原因**：`p` 属于图 `g`，可 `p + 1.0` 写在 `with g.as_default():` 之外。
# 这时 TensorFlow 想即时执行这个加法，却发现输入是一个没有值的符号张量。
# 消息提到的 `tf.function` 与此无关，它原本是为函数图写的。
# 消息里还用内存地址指代那张图，每次运行都不同，`expect` 打印时把它显示为 `0x...`。
#
# **解决**：所有用到 `p` 的运算都写进 `with g.as_default():`。
#
# 较早的 TensorFlow 版本对同样的错误报的是：
# `TypeError: An op outside of the function building code is being passed a "Graph" tensor.`
# %% [markdown] lang="en"
# ## TypeError: &lt;tf.Tensor 'p:0' shape=(2,) dtype=float32&gt; is out of scope and cannot be used here. {#out-of-scope}
#
# A tensor of a graph was used outside that graph.
#
# **Cause.** `p` belongs to graph `g`, but `p + 1.0` is written outside `with g.as_default():`.
# TensorFlow then tries to run the addition eagerly and finds a symbolic input that has no value.
# The message talks about `tf.function`; ignore that, it was written for function graphs. The
# message also names the graph by its memory address, which changes on every run; `expect` prints
# it as `0x...`.
#
# **Fix.** Build every operation that uses `p` inside `with g.as_default():`.
#
# For the same mistake, older TensorFlow releases say:
# `TypeError: An op outside of the function building code is being passed a "Graph" tensor.`

# %%
with expect(TypeError, "is out of scope and cannot be used here"):
    p + 1.0  # outside `with g.as_default()`: TF tries to run it eagerly

with g.as_default():
    p_plus_one = p + 1.0
print("fixed:", sess.run(p_plus_one, feed_dict={p: [1.0, 2.0]}))

# %% [markdown] lang="zh"
# ## RuntimeError: Session context managers are not re-entrant. {#session-not-re-entrant}
#
# 同一个会话被 `with` 了两层。
#
# **原因**：`with sess:` 不能嵌套。注意后果：内层报错、异常穿出外层 `with` 时，
# 外层的 `__exit__` 会把会话**关掉**，之后再用就是下一节的“closed Session”。
# 先后两次（不嵌套）`with sess:` 不会触发这个错误，但第一次结束时会话已经关闭了。
#
# **解决**：只想把它设为默认会话时，用 `with sess.as_default():`。它可以嵌套，退出时也不关闭会话。
# %% [markdown] lang="en"
# ## RuntimeError: Session context managers are not re-entrant. {#session-not-re-entrant}
#
# The same session was entered with `with` twice, one inside the other.
#
# **Cause.** `with sess:` cannot be nested. Mind the side effect: when the inner error leaves the
# outer `with`, the outer `__exit__` **closes** the session, so the next use gives the "closed
# Session" error of the next section. Two `with sess:` blocks one after the other do not raise this
# error, but the first one already closed the session.
#
# **Fix.** To make a session the default one, use `with sess.as_default():`. It nests, and leaving
# it does not close the session.

# %%
nested = tf.compat.v1.Session(graph=g)
with expect(RuntimeError, "Session context managers are not re-entrant."):
    with nested:
        with nested:
            pass
with expect(RuntimeError, "Attempted to use a closed Session."):
    nested.run(a)  # the failed outer `with` closed it

fixed = tf.compat.v1.Session(graph=g)
with fixed.as_default():
    with fixed.as_default():
        print("fixed, nested as_default:", a.eval())
print("still open afterwards:", fixed.run(a))
fixed.close()

# %% [markdown] lang="zh"
# ## RuntimeError: Attempted to use a closed Session. {#closed-session}
#
# 会话关闭后还在调用 `run`。
#
# **原因**：显式调用过 `close()`，或者 `with tf.compat.v1.Session() as s:` 的块已经结束
# ——块结束时会话自动关闭，变量 `s` 却还在。对关闭的会话再写一次 `with s:` 不会报错，
# 要到第一次 `run` 才报。重复调用 `close()` 则不会报错。
#
# **解决**：把 `run` 放进 `with` 块里；块结束之后还要用，就新开一个会话。
# 会话里的变量值会随会话一起丢失，需要的话先用 `tf.compat.v1.train.Saver` 存成检查点（checkpoint）。
# %% [markdown] lang="en"
# ## RuntimeError: Attempted to use a closed Session. {#closed-session}
#
# `run` was called on a session that is already closed.
#
# **Cause.** Either `close()` was called, or the block of `with tf.compat.v1.Session() as s:` has
# ended: the block closes the session, while the name `s` lives on. Entering a closed session
# with `with s:` again raises nothing; the first `run` does. Calling `close()` twice is fine.
#
# **Fix.** Keep the `run` calls inside the `with` block, or open a new session after it. Variable
# values die with the session; save them first (e.g. `tf.compat.v1.train.Saver`) if you need them.

# %%
closed = tf.compat.v1.Session(graph=g)
closed.close()
closed.close()  # closing twice is fine
with expect(RuntimeError, "Attempted to use a closed Session."):
    closed.run(a)

with tf.compat.v1.Session(graph=g) as s:
    print("inside the block:", s.run(a))
with s:  # entering the closed session again raises nothing...
    with expect(RuntimeError, "Attempted to use a closed Session."):
        s.run(a)  # ...the first run does

# %% [markdown] lang="zh"
# ## ValueError: Cannot evaluate tensor using `eval()`: No default session is registered. {#no-default-session}
#
# `Tensor.eval()` 和 `Operation.run()` 需要一个默认会话，但当前没有。
#
# **原因**：只有在 `with sess:` 或 `with sess.as_default():` 里面，会话才是默认会话；
# 单纯创建一个 `Session` 并不会让它成为默认会话。`Operation.run()` 的消息与此类似：
# `Cannot execute operation using run()`。
#
# **解决**：`t.eval(session=sess)`，或者放进 `with sess.as_default():`。
# %% [markdown] lang="en"
# ## ValueError: Cannot evaluate tensor using `eval()`: No default session is registered. {#no-default-session}
#
# `Tensor.eval()` and `Operation.run()` need a default session, and there is none.
#
# **Cause.** A session is the default only inside `with sess:` or `with sess.as_default():`;
# creating a `Session` does not make it the default. `Operation.run()` fails with a similar message,
# `Cannot execute operation using run()`.
#
# **Fix.** `t.eval(session=sess)`, or run it inside `with sess.as_default():`.

# %%
with expect(ValueError, "No default session is registered."):
    a.eval()
with expect(ValueError, "Cannot execute operation using `run()`"):
    doubled.op.run()

print("fixed:", a.eval(session=sess))
with sess.as_default():
    print("fixed:", a.eval())

# %% [markdown] lang="zh"
# ## ValueError: Cannot use the given session to evaluate tensor: the tensor's graph is different from the session's graph. {#eval-graph-is-different}
#
# `eval(session=...)` 拿到的会话运行的是另一张图。
#
# **原因**：一个会话只运行一张图（`sess.graph`），张量 `c` 却属于另一张图 `other`。
#
# **解决**：用张量自己所在的图 `c.graph` 开会话。
# %% [markdown] lang="en"
# ## ValueError: Cannot use the given session to evaluate tensor: the tensor's graph is different from the session's graph. {#eval-graph-is-different}
#
# The session given to `eval(session=...)` runs a different graph.
#
# **Cause.** A session runs exactly one graph (`sess.graph`); the tensor `c` belongs to another
# graph, `other`.
#
# **Fix.** Open a session on the tensor's own graph, `c.graph`.

# %%
other = tf.Graph()
with other.as_default():
    c = tf.constant(2.0, name="c")

with expect(ValueError, "the tensor's graph is different from the session's graph"):
    c.eval(session=sess)

with tf.compat.v1.Session(graph=c.graph) as other_sess:
    print("fixed:", c.eval(session=other_sess))

# %% [markdown] lang="zh"
# ## TypeError: Argument `fetch` = 1 has invalid type "int" must be a string or Tensor. {#fetch-invalid-type-int}
#
# `run` 的第一个参数里有它不认识的东西。
#
# **原因**：可以取回的只有张量、操作、它们的名字（字符串），以及由它们组成的列表、元组、
# 字典和具名元组（`namedtuple`）。Python 数字、`set` 都不行。
#
# **解决**：要取回的常量先在图里建成节点；多个结果用列表、元组或字典组织。
# 取回的各种结构见 [取回](session-fetches.md)。
#
# 较早的 TensorFlow 版本报的是：
# `TypeError: Fetch argument 1 has invalid type <class 'int'>, must be a string or Tensor. (Can not convert a int into a Tensor or Operation.)`
# %% [markdown] lang="en"
# ## TypeError: Argument `fetch` = 1 has invalid type "int" must be a string or Tensor. {#fetch-invalid-type-int}
#
# The first argument of `run` contains something it does not understand.
#
# **Cause.** You can fetch tensors, operations, their names (strings), and lists, tuples, dicts and
# namedtuples of those. Python numbers and sets are rejected.
#
# **Fix.** Make a constant a graph node first; group several results in a list, tuple or dict.
# [Fetches](session-fetches.md) covers every fetch structure.
#
# Older TensorFlow releases say:
# `TypeError: Fetch argument 1 has invalid type <class 'int'>, must be a string or Tensor. (Can not convert a int into a Tensor or Operation.)`

# %%
with expect(TypeError, 'Argument `fetch` = 1 has invalid type "int" must be a string or Tensor'):
    sess.run(1)
with expect(TypeError, 'has invalid type "set"'):
    sess.run({a})

with g.as_default():
    one = tf.constant(1, name="one")
print("fixed:", sess.run([one, a]), sess.run({"a": a, "one": one}))

# %% [markdown] lang="zh"
# ## TypeError: Argument `fetch` = None has invalid type "NoneType". Cannot be None {#fetch-cannot-be-none}
#
# 要取回的东西是 `None`。
#
# **原因**：`None` 通常来自某个“什么也没建”的函数。典型例子是
# `tf.compat.v1.summary.merge_all()`：图里没有任何摘要（summary）时它返回 `None`，
# 而不是一个空操作。忘了写 `return` 的建图函数也会给出 `None`。
#
# **解决**：取回前检查 `None`，只取回真正存在的节点。
#
# 较早的 TensorFlow 版本报的是：`TypeError: Fetch argument None has invalid type <class 'NoneType'>`
# %% [markdown] lang="en"
# ## TypeError: Argument `fetch` = None has invalid type "NoneType". Cannot be None {#fetch-cannot-be-none}
#
# The thing to fetch is `None`.
#
# **Cause.** `None` usually comes from a function that built nothing. The classic case is
# `tf.compat.v1.summary.merge_all()`: with no summaries in the graph it returns `None`, not an
# empty op. A graph-building function that forgot its `return` gives `None` too.
#
# **Fix.** Check for `None` and fetch only nodes that exist.
#
# Older TensorFlow releases say: `TypeError: Fetch argument None has invalid type <class 'NoneType'>`

# %%
with g.as_default():
    summaries = tf.compat.v1.summary.merge_all()
print("merge_all() returned:", summaries)

with expect(TypeError, 'Argument `fetch` = None has invalid type "NoneType". Cannot be None'):
    sess.run(summaries)

fetches = [a] + ([summaries] if summaries is not None else [])
print("fixed:", sess.run(fetches))

# %% [markdown] lang="zh"
# ## ValueError: Argument `fetch` = nope cannot be interpreted as a Tensor. ("The name 'nope' refers to an Operation not in the graph.") {#fetch-operation-not-in-graph}
#
# 按名字取回，但图里没有叫这个名字的操作。
#
# **原因**：不带 `:序号` 的字符串被当作操作名。名字拼错了，或者操作建在了别的图里、
# 带上了名字作用域（name scope）前缀，或者因重名被自动改成了 `name_1`。
#
# **解决**：列出图里真正的名字。注意取回**操作**（`"a"`）得到的是 `None`，
# 取回它的**张量**（`"a:0"`）才得到值。
#
# 较早的 TensorFlow 版本报的是：
# `ValueError: Fetch argument 'nope' cannot be interpreted as a Tensor. ("The name 'nope' refers to an Operation not in the graph.")`
# %% [markdown] lang="en"
# ## ValueError: Argument `fetch` = nope cannot be interpreted as a Tensor. ("The name 'nope' refers to an Operation not in the graph.") {#fetch-operation-not-in-graph}
#
# A fetch by name, and the graph has no operation of that name.
#
# **Cause.** A string without `:index` is taken as an operation name. The name is misspelt, or the
# op lives in another graph, carries a name-scope prefix, or was renamed to `name_1` because the
# name was taken.
#
# **Fix.** List the names the graph really has. Note that fetching the **operation** (`"a"`) gives
# `None`; fetching its **tensor** (`"a:0"`) gives the value.
#
# Older TensorFlow releases say:
# `ValueError: Fetch argument 'nope' cannot be interpreted as a Tensor. ("The name 'nope' refers to an Operation not in the graph.")`

# %%
with expect(ValueError, "The name 'nope' refers to an Operation not in the graph."):
    sess.run("nope")

print([op.name for op in g.get_operations()][:6])
print("fixed:", sess.run("a"), sess.run("a:0"))

# %% [markdown] lang="zh"
# ## ValueError: Argument `fetch` = nope:0 cannot be interpreted as a Tensor. ("The name 'nope:0' refers to a Tensor which does not exist. …") {#fetch-tensor-does-not-exist}
#
# 按张量名取回，但这个张量不存在。
#
# **原因**：要么操作 `nope` 不存在，要么操作存在、序号超出了它的输出个数（`a:1`，消息会说
# `only has 1 outputs`）。注意类型：`Session.run` 报的是 `ValueError`；
# 直接调用 `g.get_tensor_by_name("nope:0")` 报的却是 `KeyError`，消息相同。
#
# **解决**：用 `操作名:输出序号`，序号从 0 开始；不确定时查 `op.outputs`。
#
# 较早的 TensorFlow 版本报的是：
# `ValueError: Fetch argument 'nope:0' cannot be interpreted as a Tensor. ("The name 'nope:0' refers to a Tensor which does not exist. …")`
# %% [markdown] lang="en"
# ## ValueError: Argument `fetch` = nope:0 cannot be interpreted as a Tensor. ("The name 'nope:0' refers to a Tensor which does not exist. …") {#fetch-tensor-does-not-exist}
#
# A fetch by tensor name, and that tensor does not exist.
#
# **Cause.** Either the op `nope` does not exist, or it exists and the index is past its outputs
# (`a:1`; the message then says `only has 1 outputs`). Mind the type: `Session.run` raises
# `ValueError`, while `g.get_tensor_by_name("nope:0")` raises `KeyError` with the same message.
#
# **Fix.** Use `op_name:output_index`, counting from 0; check `op.outputs` when unsure.
#
# Older TensorFlow releases say:
# `ValueError: Fetch argument 'nope:0' cannot be interpreted as a Tensor. ("The name 'nope:0' refers to a Tensor which does not exist. …")`

# %%
with expect(ValueError, "The name 'nope:0' refers to a Tensor which does not exist."):
    sess.run("nope:0")
with expect(ValueError, "The operation, 'a', exists but only has 1 outputs."):
    sess.run("a:1")
with expect(KeyError, "The name 'nope:0' refers to a Tensor which does not exist."):
    g.get_tensor_by_name("nope:0")

print("outputs of a:", g.get_operation_by_name("a").outputs)
print("fixed:", sess.run("a:0"))

# %% [markdown] lang="zh"
# ## ValueError: Argument `fetch` = Tensor("c:0", …) cannot be interpreted as a Tensor. (Tensor Tensor("c:0", …) is not an element of this graph.) {#fetch-not-an-element-of-this-graph}
#
# 取回的张量属于另一张图。
#
# **原因**：一个会话只运行一张图（`sess.graph`），取回的张量却属于另一张图。
# 在 notebook 里，常见于重新运行了一个**新建图**的单元格（里面有 `tf.Graph()`，或调用了
# `tf.compat.v1.reset_default_graph()`、`tf.keras.backend.clear_session()`）：
# 新的张量建在新图里，之前开的会话却还绑着旧图。
# 重新运行的单元格如果只是往同一张图里加节点，就不会出这个错，而是多出一份改名的副本（`x_1`），
# 那是另一种错误，见 [明明馈送了 `x`，却说没有馈送](runtime-errors.md#you-must-feed-renamed)。
#
# **解决**：一个会话只服务一张图。先建好图，再为它开会话；
# 可以用 `t.graph is sess.graph` 检查。单元格最后两行输出证明：`reset_default_graph()` 和
# `clear_session()` 都会换上一张新的默认图。
#
# 较早的 TensorFlow 版本报的是：
# `ValueError: Fetch argument <tf.Tensor 'c:0' shape=() dtype=float32> cannot be interpreted as a Tensor. (Tensor Tensor("c:0", shape=(), dtype=float32) is not an element of this graph.)`
# %% [markdown] lang="en"
# ## ValueError: Argument `fetch` = Tensor("c:0", …) cannot be interpreted as a Tensor. (Tensor Tensor("c:0", …) is not an element of this graph.) {#fetch-not-an-element-of-this-graph}
#
# The fetched tensor belongs to another graph.
#
# **Cause.** A session runs exactly one graph (`sess.graph`), and the fetched tensor belongs to
# another one. In notebooks this typically follows re-running a cell that makes a **new graph**
# (it calls `tf.Graph()`, `tf.compat.v1.reset_default_graph()` or
# `tf.keras.backend.clear_session()`): the new tensors live in the new graph, while the session
# opened earlier is still bound to the old one. Re-running a cell that only adds nodes to the same
# graph does not cause this error; it makes renamed copies (`x_1`) instead, a different error
# covered in ["You must feed" although you fed
# `x`](runtime-errors.md#you-must-feed-renamed).
#
# **Fix.** One session serves one graph. Build the graph, then open its session; check with
# `t.graph is sess.graph`. The last two lines of the cell's output show that
# `reset_default_graph()` and `clear_session()` each put a new default graph in place.
#
# Older TensorFlow releases say:
# `ValueError: Fetch argument <tf.Tensor 'c:0' shape=() dtype=float32> cannot be interpreted as a Tensor. (Tensor Tensor("c:0", shape=(), dtype=float32) is not an element of this graph.)`


# %%
def build_model():  # a cell that starts a new graph every time it runs
    with tf.Graph().as_default():
        return tf.constant(2.0, name="c")


c = build_model()
model_sess = tf.compat.v1.Session(graph=c.graph)
c = build_model()  # the same cell, run again: a new graph, while model_sess runs the old one
with expect(ValueError, "is not an element of this graph."):
    model_sess.run(c)

print("c.graph is model_sess.graph:", c.graph is model_sess.graph)
model_sess.close()
with tf.compat.v1.Session(graph=c.graph) as other_sess:
    print("fixed:", other_sess.run(c))

# the other two calls named above also replace the default graph with a new one
before = tf.compat.v1.get_default_graph()
tf.compat.v1.reset_default_graph()
after_reset = tf.compat.v1.get_default_graph()
tf.keras.backend.clear_session()
after_clear = tf.compat.v1.get_default_graph()
print("reset_default_graph() gives a new default graph:", after_reset is not before)
print("clear_session() gives a new default graph:", after_clear is not after_reset)
assert after_reset is not before and after_clear is not after_reset

sess.close()
