# %% [markdown] lang="zh"
# # 读懂 TensorFlow 报错
#
# TensorFlow 的报错常常很长：几十行调用栈（traceback），中间夹着一段节点名，最后才是一句真正的原因。
# 本页不讲某一条具体的错误，而是拆开一条报错，看它由哪几部分组成、每一部分在哪里、能告诉你什么。
# 例子都来自同一个错误：两个形状（shape）对不上的矩阵相乘。
# 查具体消息请去三张速查页：[会话、图与取回](session-errors.md)、
# [馈送](feed-and-runtime-errors.md) 和 [运行时](runtime-errors.md)。
#
# | 部分 | 在哪里找 | 告诉你什么 |
# |---|---|---|
# | [异常类型](#op-error-parts) | `type(e).__name__`，也就是调用栈最后一行的开头 | 错误属于哪一类；`tf.errors.OpError` 的子类说明是图在运行时出错 |
# | [错误码](#op-error-parts) | `e.error_code`，等于 `tf.errors.INVALID_ARGUMENT` 这类常量 | 同一类别的整数形式 |
# | [出错的节点](#op-error-parts) | `e.op`、`e.node_def`；消息里的 `Node: '…'` 和 `[[{{node …}}]]` | 图里哪个操作失败了；可能是 `None` |
# | [核心消息](#op-error-parts) | `e.message` 里 `Node:` 之后的那一行 | 真正的原因，比如两个形状 |
# | [节点在哪一行建的](#detected-at-node) | 消息里 `Detected at node … defined at` 这一块的最后几帧 | 你代码里创建这个节点的那一行 |
# | [节点的创建调用栈](#op-traceback) | `e.op.traceback` | 同上，但可以用程序筛选 |
# | [Keras 的包装](#keras-wrapper) | `Exception encountered when calling …` 和参数列表 | 哪个层的 `call` 出错、它收到了什么参数 |
# | [建图时还是运行时](#build-vs-run) | 异常类，以及调用栈里你自己的最后一行 | `ValueError` 在建图那一行抛出；`OpError` 在 `sess.run` 那一行抛出 |
#
# 最后一节把这些整理成一份 [读报错的步骤](#checklist)。
# %% [markdown] lang="en"
# # Reading a TensorFlow error
#
# TensorFlow errors are long: dozens of traceback lines, a node name somewhere in the middle, and
# the real cause in a single line near the end. This page does not cover one particular error.
# It takes one error apart: what its parts are, where to find each one, and what each tells you.
# Every example comes from the same mistake: multiplying two matrices whose shapes do not match.
# To look up a particular message, use the three reference pages:
# [sessions, graphs and fetches](session-errors.md), [feeds](feed-and-runtime-errors.md) and
# [run time](runtime-errors.md).
#
# | Part of the error | Where to find it | What it tells you |
# |---|---|---|
# | [Exception class](#op-error-parts) | `type(e).__name__`, the start of the traceback's last line | the kind of error; a subclass of `tf.errors.OpError` means the graph failed while running |
# | [Error code](#op-error-parts) | `e.error_code`, equal to a constant such as `tf.errors.INVALID_ARGUMENT` | the same kind, as an integer |
# | [Failing node](#op-error-parts) | `e.op`, `e.node_def`; `Node: '…'` and `[[{{node …}}]]` in the message | which operation of the graph failed; may be `None` |
# | [Core message](#op-error-parts) | the line after `Node:` in `e.message` | the real cause, e.g. the two shapes |
# | [Where the node was built](#detected-at-node) | the last frames of the `Detected at node … defined at` block of the message | the line of your code that created the node |
# | [The node's creation stack](#op-traceback) | `e.op.traceback` | the same, in a form a program can filter |
# | [Keras's wrapper](#keras-wrapper) | `Exception encountered when calling …` and the argument list | which layer's `call` failed, and what it received |
# | [Building or running?](#build-vs-run) | the exception class, and your last line in the traceback | `ValueError` is raised at the line that builds; `OpError` at `sess.run` |
#
# The last section turns all this into a [checklist for reading any error](#checklist).

# %% [markdown] lang="zh"
# ## 准备 {#setup}
#
# 即时执行（eager execution）保持打开，图模式（graph mode）的代码都写在 `with g.as_default():` 里。
# 报错里的文件路径每台机器都不同，所以本页从不原样打印路径，只打印两种占位：
# `<library>` 表示 Python 自带的模块、已安装的包（TensorFlow、Keras、Jupyter）和冻结模块，
# 其余的就是 `<your code>`，也就是你自己的代码。
# 判断的依据是 `is_library`：文件是否位于 `sysconfig` 给出的那几个目录里。
# 你读报错时用的也是这个办法：跳过库里的帧，找你自己的文件。
# %% [markdown] lang="en"
# ## Setup {#setup}
#
# Eager execution stays on; graph-mode code lives inside `with g.as_default():` blocks. File paths
# in errors differ on every machine, so this page never prints them as they are. It prints one of
# two placeholders instead: `<library>` for Python's own modules, installed packages (TensorFlow,
# Keras, Jupyter) and frozen modules, and `<your code>` for everything else. `is_library` decides,
# by checking whether the file lies in one of the folders `sysconfig` reports. That is also how you
# read an error by eye: skip the library frames, look for your own files.

# %%
import os

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"

import linecache
import re
import sysconfig
import traceback

import keras
import tensorflow as tf
import tf_keras

tf.get_logger().setLevel("ERROR")
print(
    "TensorFlow", tf.__version__, "| Keras", keras.__version__, "| tf_keras", tf_keras.__version__
)

LIBRARY_DIRS = tuple(
    sysconfig.get_paths()[k] for k in ("stdlib", "platstdlib", "purelib", "platlib")
)
FRAME_RE = re.compile(r'^(\s*)File "([^"]*)", line (\d+), in (.*)$')
ANSI_RE = re.compile(r"\x1b\[[0-9;]*m")


def is_library(filename):
    return filename.startswith(LIBRARY_DIRS) or filename.startswith("<frozen")


def source_line(filename, lineno):
    return linecache.getline(filename, lineno).strip()


def show(message, with_source=True):
    """Print an error message with its paths hidden; consecutive library frames become one line."""
    in_library = False
    for line in message.splitlines():
        frame = FRAME_RE.match(line)
        if frame is None:
            print(line)
            in_library = False
            continue
        indent, filename, lineno, name = frame.groups()
        if is_library(filename):
            if not in_library:
                print(f'{indent}File "<library>" ... (library frames skipped)')
            in_library = True
            continue
        in_library = False
        print(f'{indent}File "<your code>", line {lineno}, in {name}')
        if with_source:
            print(f"{indent}    {source_line(filename, int(lineno))}")


# %% [markdown] lang="zh"
# ## `OpError` 的各个部分 {#op-error-parts}
#
# 先建一张计算图（graph）：占位符（`placeholder`）`x` 的形状是 `[None, None]`，常量 `w` 是 3 行 2 列，
# `scores = x @ w`。建图时 `x` 的列数未知，TensorFlow 没法检查，所以图建得成功。
# 运行时馈送（`feed`）一个只有 2 列的 `x`，矩阵乘法（`MatMul`）在会话（`Session`）里失败。
#
# `Session.run` 抛出的运行时错误都是 `tf.errors.OpError` 的子类。
# 它除了消息，还带着几个属性：
#
# - `type(e).__name__`：具体的类，这里是 `InvalidArgumentError`；
# - `e.error_code`：错误码（error code），一个整数，等于 `tf.errors` 里的同名常量，
#   这里是 `tf.errors.INVALID_ARGUMENT`，也就是 3；
# - `e.op`：失败的那个操作（operation），就是图里的 `scores.op` 这个对象，有 `name` 和 `type`；
# - `e.node_def`：这个节点（node）的定义（`NodeDef`），里面有名字、操作类型和输入；
# - `e.message`：消息本身。最后两行是核心：原因（两个输入的形状），以及出错的节点 `[[{{node scores}}]]`。
# %% [markdown] lang="en"
# ## The parts of an `OpError` {#op-error-parts}
#
# First a graph: a `placeholder` `x` of shape `[None, None]`, a constant `w` with 3 rows and
# 2 columns, and `scores = x @ w`. While building, the number of columns of `x` is unknown, so
# TensorFlow cannot check it and the graph builds. At run time, `x` is fed with only 2 columns, and
# the matrix product (`MatMul`) fails inside the `Session`.
#
# Every run-time error that `Session.run` raises is a subclass of `tf.errors.OpError`. Besides
# its message, it carries a few attributes:
#
# - `type(e).__name__`: the exact class, here `InvalidArgumentError`;
# - `e.error_code`: an integer, equal to the constant of the same name in `tf.errors`, here
#   `tf.errors.INVALID_ARGUMENT`, which is 3;
# - `e.op`: the operation that failed, the very object `scores.op` of the graph, with its `name`
#   and `type`;
# - `e.node_def`: the definition of that node (`NodeDef`): name, op type and inputs;
# - `e.message`: the message. Its last two lines are the core: the cause (the shapes of the two
#   inputs) and the failing node, `[[{{node scores}}]]`.


# %%
def build_scores():
    graph = tf.Graph()
    with graph.as_default():
        x = tf.compat.v1.placeholder(tf.float32, shape=[None, None], name="x")
        w = tf.constant([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]], name="w")
        scores = tf.matmul(x, w, name="scores")
    return graph, x, scores


g, x, scores = build_scores()
sess = tf.compat.v1.Session(graph=g)
try:
    sess.run(scores, feed_dict={x: [[1.0, 2.0]]})  # 2 columns, but w has 3 rows
except tf.errors.OpError as e:
    err = e

print("class:", type(err).__name__, "| bases:", [c.__name__ for c in type(err).__mro__[1:3]])
print("error_code:", err.error_code, "| tf.errors.INVALID_ARGUMENT:", tf.errors.INVALID_ARGUMENT)
print("op:", err.op.name, err.op.type, "| is scores.op:", err.op is scores.op)
print("node_def:", err.node_def.name, err.node_def.op, list(err.node_def.input))
print("last two lines of the message:")
print("\n".join(err.message.splitlines()[-2:]))

assert err.error_code == tf.errors.INVALID_ARGUMENT == 3
assert tf.compat.v1.errors.exception_type_from_error_code(3) is tf.errors.InvalidArgumentError
assert "Matrix size-incompatible" in err.message

# %% [markdown] lang="zh"
# `str(e)`，也就是调用栈最后打印的那段文字，比 `e.message` 更长：
# 它在后面追加了 `Original stack trace for 'scores':`，即创建这个节点时的完整调用栈，
# 大部分是 TensorFlow 内部的帧。本站的 `expect` 打印报错时会去掉这一段。
#
# 还有一点：Python 打印的调用栈里，这个错误会出现**两次**。`Session.run` 先从 C++ 收到一个原始的
# `InvalidArgumentError`，它的消息里只有原因和节点名；然后用图里的信息补全消息，再抛出一个新的。
# 所以调用栈中间有一句 `During handling of the above exception, another exception occurred:`。
# 原始的那个就是 `e.__context__`。要读的是最下面那个：只有它带着下一节的 `Detected at node`。
# %% [markdown] lang="en"
# `str(e)`, the text a traceback prints last, is longer than `e.message`: it appends
# `Original stack trace for 'scores':`, the full stack at the moment the node was created, mostly
# TensorFlow's own frames. This site's `expect` drops that part when it prints an error.
#
# One more thing: a printed Python traceback shows this error **twice**. `Session.run` first gets a
# raw `InvalidArgumentError` from C++, whose message holds only the cause and the node name. It
# completes the message with what the graph knows and raises a new one, hence the line
# `During handling of the above exception, another exception occurred:` in the middle. The raw one
# is `e.__context__`. Read the bottom one: only it has the `Detected at node` block of the next
# section.

# %%
extra = str(err)[len(err.message) :]
print("str(err) starts with err.message:", str(err).startswith(err.message))
print("then comes:", extra.strip().splitlines()[0])
raw = err.__context__
print("__context__:", type(raw).__name__, "| shown in the traceback:", not err.__suppress_context__)
print("__context__ has 'Detected at node':", "Detected at node" in raw.message)
print(raw.message)

# %% [markdown] lang="zh"
# 换几种运行时错误，看看这些属性各是什么。错误码随类别变化：没有初始化的变量（variable）是
# `FailedPreconditionError`，码为 9。`e.op` 指向出错的那个节点，它不一定是你取回（`fetch`）的那个：
# 没馈送的占位符报的是占位符本身，没初始化的变量报的是读取它的 `ReadVariableOp`。
# `e.op` 也可能是 `None`：`tf.debugging.assert_positive` 的检查在一个条件分支的函数里执行，
# 出错的节点 `Assert` 不在你的图里，TensorFlow 找不到对应的 `Operation`，消息里也就没有
# `Detected at node` 那一块。
# %% [markdown] lang="en"
# Now a few other run-time errors, and what these attributes hold for them. The code follows the
# kind: an uninitialized variable gives `FailedPreconditionError`, code 9. `e.op` is the node that
# failed, which need not be the one you fetched: a placeholder that was not fed reports the
# placeholder itself, an uninitialized variable reports the `ReadVariableOp` that reads it. `e.op`
# may also be `None`: `tf.debugging.assert_positive` checks inside the function of a conditional
# branch, so the failing node, `Assert`, is not in your graph; TensorFlow finds no `Operation` for
# it, and the message has no `Detected at node` block.

# %%
g2 = tf.Graph()
with g2.as_default():
    p = tf.compat.v1.placeholder(tf.float32, shape=[None], name="p")
    v = tf.compat.v1.Variable(1.0, name="v")
    positive = tf.debugging.assert_positive(p, message="p must be positive")
    with tf.control_dependencies([positive]):
        log_p = tf.math.log(p, name="log_p")
    cases = {
        "p not fed": (log_p, {}),
        "v not initialized": (v * 2.0, {}),
        "assertion failed": (log_p, {p: [1.0, -1.0]}),
    }

errors = {}
with tf.compat.v1.Session(graph=g2) as sess2:
    for what, (fetch, feed) in cases.items():
        try:
            sess2.run(fetch, feed_dict=feed)
        except tf.errors.OpError as e:
            errors[what] = e
            op = f"{e.op.name} ({e.op.type})" if e.op is not None else None
            print(f"{what:<18} {type(e).__name__:<24} code {e.error_code}  op: {op}")

failed = errors["assertion failed"]
assert failed.op is None
print(failed.message.splitlines()[-1].strip())
print("'Assert' in g2:", "Assert" in [op.name for op in g2.get_operations()])
print("raw message names the branch function:", "AssertGuard" in failed.__context__.message)
print("'Detected at node' in the message:", "Detected at node" in failed.message)

# %% [markdown] lang="zh"
# ## 消息里的 `Detected at node … defined at` {#detected-at-node}
#
# 报错来自你代码的哪一行？答案在这一段里。回到第一个错误，把 `e.message` 完整打印出来（路径已经换成占位）。它的结构是：
#
# 1. `Graph execution error:`：图在运行时出错了；
# 2. `Detected at node 'scores' defined at (most recent call last):`：下面是**创建**这个节点时的调用栈，
#    不是运行它时的。和 Python 的调用栈一样，最近的调用在最后；
# 3. `Node: 'scores'`，然后是原因，最后是 `[[{{node scores}}]]`。
#
# 原始消息里，调用栈开头是一长串 Jupyter 和 IPython 自己的帧（这里合成了一行 `<library>`；
# 在脚本里运行则没有），TensorFlow 内部的帧已经被去掉了。所以**倒着读**：`Node:` 上面那几帧就是你的代码。最后一帧是 `build_scores` 里创建节点的那一行，
# 它上面一帧是调用 `build_scores()` 的地方。
# 在 notebook 里，文件名是 Jupyter 为每个单元格起的临时文件名（比如 `/tmp/ipykernel_…/….py`），
# 行号从单元格的第一行数起。
# %% [markdown] lang="en"
# ## The `Detected at node … defined at` block {#detected-at-node}
#
# Which line of your code does the error come from? This block answers it. Back to the first
# error: here is `e.message` in full (paths replaced by placeholders). Its parts:
#
# 1. `Graph execution error:`: the graph failed while running;
# 2. `Detected at node 'scores' defined at (most recent call last):`: below it comes the stack at
#    the moment the node was **created**, not when it ran. As in a Python traceback, the most
#    recent call is last;
# 3. `Node: 'scores'`, then the cause, then `[[{{node scores}}]]`.
#
# In the raw message, the stack starts with a long run of Jupyter's and IPython's own frames
# (collapsed here into one `<library>` line; a script has none of them); TensorFlow's own frames
# are already cut out. So **read it bottom-up**: the frames right above
# `Node:` are your code. The last one is the line in `build_scores` that created the node; the
# one above it is where `build_scores()` was called. In a notebook, the file is the temporary file
# Jupyter gives each cell (such as `/tmp/ipykernel_…/….py`), and line numbers count from the top
# of the cell.

# %%
show(err.message)

defined_at = [m.groups() for m in map(FRAME_RE.match, err.message.splitlines()) if m]
yours = [(name, source_line(f, int(n))) for _, f, n, name in defined_at if not is_library(f)]
assert yours[-1] == ("build_scores", 'scores = tf.matmul(x, w, name="scores")')

# %% [markdown] lang="zh"
# ## 用 `e.op.traceback` 找到你的那一行 {#op-traceback}
#
# 上一节那一块是从 `e.op.traceback` 生成的：它是创建这个操作时的完整调用栈，从最外层到最内层，
# 每一帧都有 `filename`、`lineno` 和 `name`。最内层的几帧是 TensorFlow 自己
# （`matmul`、`_create_op_internal` 等），消息里省掉了它们。
# 用 `is_library` 把库里的帧筛掉，剩下的就是你的代码，最后一个就是创建节点的那一行。
#
# 帧对象的 `line` 属性是空字符串，源码要自己用 `linecache.getline(filename, lineno)` 去读。
# 在 notebook 里这也能读到，因为 IPython 把每个单元格的源码登记在了 `linecache` 里。
#
# 不只出错的操作有调用栈：图里任何一个操作都有 `op.traceback`。
# 比如想知道常量 `w` 是在哪里建的，查 `g.get_operation_by_name("w").traceback` 即可。
# %% [markdown] lang="en"
# ## `e.op.traceback`: the op's creation stack {#op-traceback}
#
# The block of the previous section is made from `e.op.traceback`: the full stack at the moment
# the operation was created, outermost first, each frame with `filename`, `lineno` and `name`. The
# innermost frames are TensorFlow's own (`matmul`, `_create_op_internal`, ...), which the message
# leaves out. Drop the library frames with `is_library`; what remains is your code, and its last
# frame is the line that created the node.
#
# A frame's `line` attribute is an empty string: read the source yourself with
# `linecache.getline(filename, lineno)`. That works in a notebook too, because IPython registers
# the source of every cell in `linecache`.
#
# Not only failing ops have a stack: every operation of the graph has `op.traceback`. To find
# where the constant `w` was built, look at `g.get_operation_by_name("w").traceback`.

# %%
stack = list(err.op.traceback)
mine = [frame for frame in stack if not is_library(frame.filename)]
print("inside tf.matmul:", [frame.name for frame in stack[stack.index(mine[-1]) + 1 :]])
for frame in mine:
    print(f"line {frame.lineno}, in {frame.name}: {source_line(frame.filename, frame.lineno)}")
print("frame.line:", repr(mine[-1].line))

in_message = [(int(n), name) for _, f, n, name in defined_at if not is_library(f)]
assert [(frame.lineno, frame.name) for frame in mine] == in_message
w_frame = [f for f in g.get_operation_by_name("w").traceback if not is_library(f.filename)][-1]
print("w was built at:", source_line(w_frame.filename, w_frame.lineno))
assert "tf.matmul(x, w" in source_line(mine[-1].filename, mine[-1].lineno)

# %% [markdown] lang="zh"
# ## 建图时报错，还是运行时报错 {#build-vs-run}
#
# 同一个错误可能在两个时刻被发现。如果建图时两个形状都已知，比如占位符声明为 `[1, 2]`，
# 形状推断（shape inference）在 `tf.matmul` 那一行当场失败，抛出 Python 的 `ValueError`：
# `Dimensions must be equal`。这时根本没有会话参与，那个节点也没有加进图里。
# 消息里写出了节点的完整定义和两个输入的形状。
# %% [markdown] lang="en"
# ## Building or running? {#build-vs-run}
#
# The same mistake can be caught at two moments. When both shapes are known while building, say the
# placeholder is declared `[1, 2]`, shape inference fails right at the `tf.matmul` line and raises
# Python's `ValueError`: `Dimensions must be equal`. No session is involved, and the node never
# enters the graph. The message spells out the node's full definition and the shapes of both
# inputs.

# %%
g3 = tf.Graph()
with g3.as_default():
    x_known = tf.compat.v1.placeholder(tf.float32, shape=[1, 2], name="x")
    w_known = tf.constant([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]], name="w")
    with expect(ValueError, "Dimensions must be equal, but are 2 and 3"):
        tf.matmul(x_known, w_known, name="scores")
print("ops in the graph:", [op.name for op in g3.get_operations()])

# %% [markdown] lang="zh"
# 两种错误怎么区分？看三处：
#
# - **异常类**：建图时是 Python 的普通异常，比如形状推断失败的 `ValueError`。
#   它不是 `OpError`，没有 `op` 属性；运行时的错误是 `OpError` 的子类。
# - **在哪一行抛出**：在调用栈里找你自己的最后一帧。建图时的错误停在建节点的那一行；
#   运行时的错误停在 `sess.run` 那一行，它只告诉你是哪次运行，节点要看上面两节。
# - **消息的样子**：建图时的消息里节点写成 `'{{node scores}} = MatMul[…](x, w)'`，带着输入的形状；
#   运行时的消息以 `Graph execution error:` 开头。
#
# 建图时的 `ValueError` 其实是从 C++ 的 `InvalidArgumentError` 转来的，那个错误就是它的 `__context__`。
# 不过 TensorFlow 抛出时用了 `from None`，所以调用栈里只有 `ValueError` 一段，
# 不像运行时的错误那样出现两次。
#
# 还有第三种情况：占位符声明了形状，馈送的值却对不上。这时 `Session.run` 在运行之前就用
# `ValueError` 拒绝，见 [Cannot feed value of shape](feed-and-runtime-errors.md#cannot-feed-value-of-shape)。
# `tf.reshape` 也有同样的两面，见 [Input to reshape](runtime-errors.md#input-to-reshape)。
# %% [markdown] lang="en"
# How do you tell them apart? Look at three things:
#
# - **The class.** While building, it is a plain Python exception, such as the `ValueError` of
#   failed shape inference. It is not an `OpError` and has no `op` attribute. A run-time error is
#   a subclass of `OpError`.
# - **The line that raised it.** Find your own last frame in the traceback. A build error stops at
#   the line that builds the node; a run-time error stops at the `sess.run` line, which only tells
#   you which run failed: for the node, see the two sections above.
# - **The message.** A build error shows the node as `'{{node scores}} = MatMul[…](x, w)'`, with
#   the input shapes; a run-time message starts with `Graph execution error:`.
#
# The build-time `ValueError` is itself converted from a C++ `InvalidArgumentError`, which is its
# `__context__`. TensorFlow raises it `from None`, though, so the traceback holds the `ValueError`
# alone, unlike a run-time error, which shows up twice.
#
# There is a third case: the placeholder declares its shape, and the fed value does not match.
# `Session.run` then refuses before running, with a `ValueError`; see
# [Cannot feed value of shape](feed-and-runtime-errors.md#cannot-feed-value-of-shape).
# `tf.reshape` has the same two faces; see
# [Input to reshape](runtime-errors.md#input-to-reshape).

# %%
with g3.as_default():
    try:
        tf.matmul(x_known, w_known, name="scores")
    except ValueError as e:
        build_err = e


def raised_at(error):
    """The source of the innermost frame of your code in the error's traceback."""
    frames = traceback.extract_tb(error.__traceback__)
    return [frame.line for frame in frames if not is_library(frame.filename)][-1]


print("unknown shapes: x", x.shape, "-> scores", scores.shape)
for label, e in [("known shapes", build_err), ("unknown shapes", err)]:
    print(f"{label}: {type(e).__name__}")
    print("  is an OpError:", isinstance(e, tf.errors.OpError), "| has .op:", hasattr(e, "op"))
    print("  raised at:", raised_at(e))
    print("  first line of the message:", str(e).splitlines()[0][:40])
shown = not build_err.__suppress_context__
print("build error's __context__:", type(build_err.__context__).__name__, "| shown:", shown)
assert raised_at(build_err).startswith("tf.matmul(")
assert raised_at(err).startswith("sess.run(")

# %% [markdown] lang="zh"
# ## Keras 的包装：Exception encountered when calling {#keras-wrapper}
#
# 在层（layer）的 `call` 里出错时，Keras 会把原来的错误包一层再抛出。
# 下面的层 `Project` 有个典型的 bug：权重（weight）的行数来自构造参数 `in_features=3`，
# 而不是来自输入的形状。输入只有 2 列，`call` 里的 `tf.matmul` 就会失败。
# 同一个类分别继承 Keras 3（`keras`，即 `tf.keras`）和旧版 Keras（legacy Keras，`tf_keras`）的 `Layer`。
#
# 先看四种情况下报错的第一行：两个 Keras 版本，各在图模式（输入是形状为 `[None, 2]` 的占位符，
# 建图时就报错）和即时执行下调用一次。
# %% [markdown] lang="en"
# ## Keras's wrapper: "Exception encountered when calling" {#keras-wrapper}
#
# When a layer's `call` fails, Keras wraps the original error and raises it again. The layer
# `Project` below has a classic bug: its weight's number of rows comes from the constructor
# argument `in_features=3`, not from the input's shape. The input has 2 columns, so the
# `tf.matmul` in `call` fails. The same class is built on the `Layer` of Keras 3 (`keras`, which
# is `tf.keras`) and on that of legacy Keras (`tf_keras`).
#
# First, the first line of the error in four cases: both Keras versions, each called once in graph
# mode (the input is a placeholder of shape `[None, 2]`: the error comes while building) and once
# eagerly.


# %%
def project_class(layers):
    class Project(layers.Layer):
        def __init__(self, in_features, units, **kwargs):
            super().__init__(**kwargs)
            self.in_features = in_features  # the bug: not taken from the input's shape
            self.units = units

        def build(self, input_shape):
            shape = (self.in_features, self.units)
            self.kernel = self.add_weight(name="kernel", shape=shape, initializer="ones")

        def call(self, inputs, training=None):
            return tf.matmul(inputs, self.kernel)

    return Project


Project = project_class(keras.layers)
LegacyProject = project_class(tf_keras.layers)

graphs = {}


def call_in_a_graph(cls):
    graphs[cls] = tf.Graph()
    with graphs[cls].as_default():
        features = tf.compat.v1.placeholder(tf.float32, shape=[None, 2], name="features")
        cls(in_features=3, units=4, name="project")(features)


def call_eagerly(cls):
    cls(in_features=3, units=4, name="project")(tf.ones((1, 2)))


keras_errors = {}
for label, cls in [("Keras 3", Project), ("tf_keras", LegacyProject)]:
    for mode, call in [("graph", call_in_a_graph), ("eager", call_eagerly)]:
        try:
            call(cls)
        except Exception as e:
            keras_errors[label, mode] = e
            first = ANSI_RE.sub("", str(e)).splitlines()[0]
            print(f"{label:<8} {mode:<5} {type(e).__name__:<20} {first}")

# %% [markdown] lang="zh"
# ### Keras 3 {#keras-3}
#
# Keras 3 的包装分三段：
#
# 1. `Exception encountered when calling Project.call().`：出错的是哪个类的 `call`。
#    注意这里只有类名，没有层的名字；
# 2. 原来的消息，前后包着终端加粗的控制字符 `\x1b[1m` 和 `\x1b[0m`（在 Jupyter 里显示为粗体，
#    本页打印前去掉了）；
# 3. `Arguments received by Project.call():`：`call` 收到的每个参数。张量（tensor）只显示形状和
#    数据类型（dtype），一眼就能看出输入是 2 列。
#
# 层的名字藏在节点名里：`{{node project_1/MatMul}}`。节点名以层名 `project` 开头，
# 后缀 `_1` 是因为 `build` 已经用过一次名字作用域（name scope）`project`（权重叫 `project/kernel`），
# `call` 再打开同名作用域时就被改成了 `project_1`。
#
# 包装后的异常是一个**新的**同类异常（这里仍是 `ValueError`），用 `raise … from None` 抛出：
# `__cause__` 是 `None`，原来的异常保存在 `__context__` 里，它的消息正是中间那一段。
# 即时执行下，类型也保持不变（`InvalidArgumentError`），`__context__` 同样是原来的错误。
# %% [markdown] lang="en"
# ### Keras 3 {#keras-3}
#
# Keras 3's wrapper has three parts:
#
# 1. `Exception encountered when calling Project.call().`: which class's `call` failed. Note
#    that it gives the class only, not the layer's name;
# 2. the original message, between the terminal codes for bold, `\x1b[1m` and `\x1b[0m` (Jupyter
#    shows them as bold; this page strips them before printing);
# 3. `Arguments received by Project.call():`: each argument `call` received. Tensors show only
#    their shape and dtype, enough to see that the input has 2 columns.
#
# The layer's name hides in the node name, `{{node project_1/MatMul}}`. The node name starts with
# the layer's name, `project`. The suffix `_1` is there because `build` already used the name scope
# `project` (the weight is `project/kernel`), so when `call` opened a scope of the same name it
# became `project_1`.
#
# The wrapped exception is a **new** exception of the same class (still `ValueError` here), raised
# with `raise … from None`: `__cause__` is `None`, and the original exception is kept in
# `__context__`; its message is exactly the middle part. Eagerly, the class is kept as well
# (`InvalidArgumentError`), and `__context__` is again the original error.

# %%
wrapped = keras_errors["Keras 3", "graph"]
text = str(wrapped)
print(ANSI_RE.sub("", text))
print()
original = wrapped.__context__
print("__cause__:", wrapped.__cause__, "| __suppress_context__:", wrapped.__suppress_context__)
print(
    "__context__:",
    type(original).__name__,
    "| its message is the middle part:",
    str(original) in text,
)
print("bold codes in the text:", "\x1b[1m" in text)
print("eagerly, __context__:", type(keras_errors["Keras 3", "eager"].__context__).__name__)
print("node:", re.search(r"\{\{node ([^}]*)\}\}", text).group(1))
scopes = {}
for op in graphs[Project].get_operations():
    scopes.setdefault(op.name.split("/")[0], op.name)
print("first op of each name scope:", scopes)

# %% [markdown] lang="zh"
# ### tf_keras {#tf-keras}
#
# tf_keras 在即时执行下的包装写出了层的名字和类：`Exception encountered when calling layer 'project' (type Project).`，
# 结尾是 `Call arguments received by layer 'project' (type Project):` 和参数列表。
# 中间原来的消息里有即时执行内核的名字，开着 oneDNN 时会变成 `__wrapped____MklMatMul…`，
# 所以下面只打印包装的首尾，原因则从 `__context__` 里只取稳定的那一段。
#
# 图模式下则完全不同：tf_keras 用 AutoGraph 转换了 `call`，报错是 AutoGraph 的格式
# `in user code:`，下面直接列出 `call` 里出错的文件、行号和源码（带 `*` 的帧是被转换过的函数），
# 再跟着原来的 `ValueError`。这里没有参数列表，但一眼就能看到出错的那一行。
# %% [markdown] lang="en"
# ### tf_keras {#tf-keras}
#
# Eagerly, tf_keras's wrapper names the layer and its class:
# `Exception encountered when calling layer 'project' (type Project).`, and ends with
# `Call arguments received by layer 'project' (type Project):` and the argument list. The original
# message in the middle contains the name of the eager kernel, which becomes
# `__wrapped____MklMatMul…` with oneDNN on, so below only the head and the tail of the wrapper are
# printed, and only the stable part of the cause is taken from `__context__`.
#
# Graph mode is another story: tf_keras converts `call` with AutoGraph, and the error takes
# AutoGraph's form, `in user code:`, followed by the file, line and source of the failing line in
# `call` (a frame marked `*` is a converted function), then the original `ValueError`. There is
# no argument list, but the failing line is right there.

# %%
eager = str(keras_errors["tf_keras", "eager"])
head, tail = eager.splitlines()[0], eager[eager.index("Call arguments received") :]
print(head, "[...]", tail, sep="\n")
cause = keras_errors["tf_keras", "eager"].__context__
print("__context__:", type(cause).__name__, "|", cause.message.split("}} ")[-1])
print()
show(str(keras_errors["tf_keras", "graph"]), with_source=False)

# %% [markdown] lang="zh"
# ### 运行时的错误不经过 Keras {#keras-at-run-time}
#
# Keras 的包装只出现在调用层的那一刻，也就是建图时。如果输入的列数未知（`[None, None]`），
# 层就建成功了，错误要等到 `sess.run` 才出现。那时 Keras 已经不在场，报的是普通的
# `InvalidArgumentError`，没有任何包装。好在 `Detected at node` 那一块照样有用：
# 倒着读，最后一帧正是 `call` 里的 `return tf.matmul(inputs, self.kernel)`，
# 它上面跳过的几帧全是 Keras 包里的代码（`__call__`、`error_handler`），再上面是你调用这个层的那一行。
# %% [markdown] lang="en"
# ### Run-time errors bypass Keras {#keras-at-run-time}
#
# Keras's wrapper only appears at the moment the layer is called, that is, while building. If the
# input's number of columns is unknown (`[None, None]`), the layer builds fine and the error waits
# for `sess.run`. Keras is no longer involved then: the error is a plain `InvalidArgumentError`,
# with no wrapper. The `Detected at node` block still helps: read bottom-up, its last frame is the
# `return tf.matmul(inputs, self.kernel)` in `call`; the skipped frames above it all belong to the
# Keras package (`__call__`, `error_handler`), and above those is the line where you called the
# layer.

# %%
g5 = tf.Graph()
with g5.as_default():
    any_features = tf.compat.v1.placeholder(tf.float32, shape=[None, None], name="any_features")
    late = Project(in_features=3, units=4, name="late")(any_features)
    init = tf.compat.v1.global_variables_initializer()

with tf.compat.v1.Session(graph=g5) as sess5:
    sess5.run(init)
    try:
        sess5.run(late, feed_dict={any_features: [[1.0, 2.0]]})
    except tf.errors.OpError as e:
        run_err = e

print("wrapped by Keras:", "Exception encountered" in run_err.message)
show(run_err.message)
frames = list(run_err.op.traceback)
outer, inner = [f for f in frames if not is_library(f.filename)][-2:]
skipped = frames[frames.index(outer) + 1 : frames.index(inner)]
print("skipped between your two frames:", [f.name for f in skipped])
print("all in the keras package:", all(f"{os.sep}keras{os.sep}" in f.filename for f in skipped))

# %% [markdown] lang="zh"
# ### 自定义异常会变成 `RuntimeError` {#custom-exception}
#
# Keras 3 重新抛出时，用 `type(e)(新消息)` 创建新异常。如果你的异常类的构造函数不接受一个字符串参数，
# 这一步就会失败，Keras 于是改抛 `RuntimeError`。后果是 `except 你的异常类:` 接不住它。
# 原来的异常仍然在 `__context__` 里。
#
# 解决办法有两个：让自己的异常类接受一个消息参数；或者调试时用
# `keras.config.disable_traceback_filtering()` 关掉包装，这时原来的异常原样抛出。
# 它会一并关掉 Keras 对调用栈的精简，调试完记得用 `enable_traceback_filtering()` 打开。
# %% [markdown] lang="en"
# ### A custom exception becomes `RuntimeError` {#custom-exception}
#
# When Keras 3 raises again, it builds the new exception as `type(e)(new_message)`. If your
# exception class's constructor does not take one string, that fails, and Keras raises a
# `RuntimeError` instead. So `except YourError:` does not catch it. The original exception is
# still in `__context__`.
#
# There are two ways out: let your exception class take a message argument, or, while debugging,
# turn the wrapper off with `keras.config.disable_traceback_filtering()`, which lets the original
# exception through unchanged. It also turns off Keras's trimming of tracebacks, so turn it back on
# with `enable_traceback_filtering()` when you are done.


# %%
class WrongFeatures(Exception):
    def __init__(self, expected, got):
        super().__init__(f"expected {expected} features, got {got}")


class Strict(keras.layers.Layer):
    def call(self, inputs):
        if inputs.shape[-1] != 3:
            raise WrongFeatures(3, inputs.shape[-1])
        return inputs


g6 = tf.Graph()
with g6.as_default():
    features = tf.compat.v1.placeholder(tf.float32, shape=[None, 2], name="features")
    with expect(RuntimeError, "expected 3 features, got 2"):
        Strict(name="strict")(features)

    try:
        try:
            Strict(name="strict")(features)
        except WrongFeatures:
            print("caught WrongFeatures")
    except RuntimeError as e:
        print(
            "except WrongFeatures missed it:",
            type(e).__name__,
            "from",
            type(e.__context__).__name__,
        )

    keras.config.disable_traceback_filtering()
    try:
        with expect(WrongFeatures, "expected 3 features, got 2"):
            Strict(name="strict")(features)
    finally:
        keras.config.enable_traceback_filtering()

# %% [markdown] lang="zh"
# ## 读任何 TF 报错的步骤 {#checklist}
#
# 1. **先看最后一行。** 调用栈可能有好几段，中间用 `During handling of the above exception` 隔开，
#    要读的是最下面那段。它的开头是异常类：`OpError` 的子类（`InvalidArgumentError`、
#    `FailedPreconditionError` 等）说明图在运行时出错；`ValueError`、`TypeError` 说明是 Python 这一侧
#    在检查：要么在建图时，要么在 `Session.run` 真正运行之前（检查取回和馈送的参数）。
# 2. **找到你自己的最后一帧。** 跳过 `<library>` 那些帧。建图时的错误停在出问题的那一行；
#    运行时的错误停在 `sess.run`，它只说明是哪一次运行。
# 3. **运行时的错误，先读核心消息。** `Node: '…'` 下面那一行是原因，`[[{{node …}}]]` 是出错的节点。
#    节点名里的名字作用域前缀（比如 `project_1/`）告诉你它属于哪个层。
# 4. **再找建节点的那一行。** 倒着读 `Detected at node … defined at` 那一块，最后几帧就是你的代码；
#    要用程序找，就筛 `e.op.traceback`。`e.op` 是 `None` 时（比如断言在条件分支里失败），
#    只能按消息里的节点名和你自己写的 `message` 去找。
# 5. **Keras 的包装，剥开看中间。** 中间那段是原来的错误（`e.__context__`），参数列表告诉你 `call`
#    收到的形状。tf_keras 的包装写出层名；Keras 3 只写类名，层名要看节点名。
#    看到 `RuntimeError`，先查 `__context__`：可能是你的自定义异常被换了类型。
# 6. **拿核心消息去查速查页。** 常见的消息都在下面两页里，每条都有原因和解决办法。
#
# 不要从 `Original stack trace for` 那一段开始读：那是 `str(e)` 追加的创建调用栈，大部分是 TensorFlow 内部的帧，
# 你的那几行在上面的 `Detected at node` 里已经有了。
# %% [markdown] lang="en"
# ## Checklist: how to read any TF error {#checklist}
#
# 1. **Start at the last line.** A traceback may hold several parts separated by
#    `During handling of the above exception`; read the bottom one. It starts with the exception
#    class: a subclass of `OpError` (`InvalidArgumentError`, `FailedPreconditionError`, ...) means
#    the graph failed while running; `ValueError` or `TypeError` means a check on the Python side:
#    either while building, or in `Session.run` before anything runs (checking the fetches and
#    feeds).
# 2. **Find your own last frame.** Skip the `<library>` frames. A build error stops at the line
#    that went wrong; a run-time error stops at `sess.run`, which only tells you which run failed.
# 3. **For a run-time error, read the core message first.** The line below `Node: '…'` is the
#    cause, and `[[{{node …}}]]` is the failing node. A name-scope prefix in the node name (such as
#    `project_1/`) tells you which layer it belongs to.
# 4. **Then find the line that built the node.** Read the `Detected at node … defined at` block
#    bottom-up: its last frames are your code. To find it with a program, filter `e.op.traceback`.
#    When `e.op` is `None` (e.g. an assertion failing inside a conditional branch), search by the
#    node name in the message and by the `message` you wrote yourself.
# 5. **Unwrap Keras's wrapper and read the middle.** The middle is the original error
#    (`e.__context__`); the argument list shows the shapes `call` received. tf_keras's wrapper names
#    the layer; Keras 3's names only the class, so look at the node name for the layer. A
#    `RuntimeError` may be your own exception class, replaced: check `__context__`.
# 6. **Look the core message up in the reference pages.** The common messages are on the two
#    pages below, each with its cause and fix.
#
# Don't start reading at `Original stack trace for`: that is the creation stack `str(e)` appends,
# mostly TensorFlow's own frames; your lines are already in the `Detected at node` block above it.

# %% [markdown] lang="zh"
# ## 下一步 {#where-next}
#
# - [错误速查：会话、图与取回](session-errors.md)：开关会话、默认会话和取回时的报错，比如
#   [is not an element of this graph](session-errors.md#fetch-not-an-element-of-this-graph)。
# - [错误速查：馈送](feed-and-runtime-errors.md)：`feed_dict` 的键和值的报错。
# - [错误速查：运行时](runtime-errors.md)：图运行时的报错，比如
#   [You must feed a value for placeholder](runtime-errors.md#you-must-feed-a-value)、
#   [没有初始化的变量](runtime-errors.md#could-not-find-variable) 和
#   [assertion failed](runtime-errors.md#assertion-failed)。
# - [Keras 3 与 tf_keras 在 Session 下的差异](keras3-vs-tf-keras.md)：两个 Keras 版本在图里的其他不同。
# - 术语见 [术语表](glossary.md)。
# %% [markdown] lang="en"
# ## Where next {#where-next}
#
# - [Errors reference: sessions, graphs and fetches](session-errors.md): errors of opening and
#   closing sessions, of the default session and of fetches, such as
#   [is not an element of this graph](session-errors.md#fetch-not-an-element-of-this-graph).
# - [Errors reference: feeds](feed-and-runtime-errors.md): errors of the keys and values of
#   `feed_dict`.
# - [Errors reference: run time](runtime-errors.md): errors of the running graph, such as
#   [You must feed a value for placeholder](runtime-errors.md#you-must-feed-a-value),
#   [uninitialized variables](runtime-errors.md#could-not-find-variable) and
#   [assertion failed](runtime-errors.md#assertion-failed).
# - [Keras 3 vs tf_keras under Session](keras3-vs-tf-keras.md): how the two Keras versions differ
#   in a graph in other ways.
# - Terms are in the [glossary](glossary.md).
