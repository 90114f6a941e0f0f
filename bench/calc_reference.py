#!/usr/bin/env python3
"""Reference evaluator for herd's calculation service, in CPython's own arithmetic.

  python3 bench/calc_reference.py < expressions.txt > results.txt
      evaluates each line as the service does (same grammar, limits and error lines) and prints one result a line;
      the benchmark uses it as its anchor and compares its output with the service's byte for byte.
  python3 bench/calc_reference.py --cases DIR
      regenerates the test table DIR/calc-cases.txt (expression) and DIR/calc-expected.txt (result), seeded;
      DIR is src/test/resources/herd/calc/expr.

Grammar: expr = term (('+'|'-') term)*; term = unary (('*'|'/') unary)*; unary = '-'* primary;
primary = number | '(' expr ')'; space and tab are ignored between tokens. Integers stay exact; '/' is true division.
"""
import math
import random
import sys

MAX_EXPRESSION_BYTES = 10_000
MAX_DEPTH = 200
MAX_INTEGER_BITS = 8192


class Stop(Exception):
    """A line that cannot go on being parsed: syntax error or too deep."""


class Parser:
    def __init__(self, line):
        self.s = line
        self.i = 0
        self.depth = 0
        self.pending = None  # the first arithmetic error; parsing goes on so a later syntax error still wins

    def skip(self):
        s = self.s
        while self.i < len(s) and s[self.i] in b' \t':
            self.i += 1

    def fail(self):
        raise Stop('syntax error at column %d' % (self.i + 1))

    def line(self):
        self.skip()
        if self.i == len(self.s):
            return ''
        value = self.expr()
        if self.i != len(self.s):
            self.fail()
        if self.pending:
            return 'error: ' + self.pending
        if isinstance(value, float):
            if math.isinf(value) or math.isnan(value):
                return 'error: overflow'
            return repr(value)
        return str(value)

    def expr(self):
        return self.chain(b'+-', self.term)

    def term(self):
        return self.chain(b'*/', self.unary)

    def chain(self, operators, operand):
        value = operand()
        while self.i < len(self.s) and self.s[self.i] in operators:
            op = self.s[self.i]
            self.i += 1
            self.skip()
            value = self.apply(op, value, operand())
        return value

    def unary(self):
        negate = False
        while self.i < len(self.s) and self.s[self.i] == ord('-'):
            negate = not negate
            self.i += 1
            self.skip()
        value = self.primary()
        self.skip()
        return self.arith(lambda: -value) if negate else value

    def primary(self):
        s = self.s
        if self.i < len(s) and s[self.i] == ord('('):
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise Stop('too deep')
            self.i += 1
            self.skip()
            value = self.expr()
            if self.i == len(s) or s[self.i] != ord(')'):
                self.fail()
            self.i += 1
            self.depth -= 1
            return value
        return self.number()

    def number(self):
        s, start = self.s, self.i
        i = start
        while i < len(s) and 48 <= s[i] <= 57:
            i += 1
        digits = i - start
        is_float = False
        if i < len(s) and s[i] == ord('.'):
            is_float = True
            i += 1
            while i < len(s) and 48 <= s[i] <= 57:
                i += 1
                digits += 1
        if digits == 0:
            self.fail()
        if i < len(s) and s[i] in b'eE':
            j = i + 1
            if j < len(s) and s[j] in b'+-':
                j += 1
            if j < len(s) and 48 <= s[j] <= 57:
                while j < len(s) and 48 <= s[j] <= 57:
                    j += 1
                is_float = True
                i = j
        self.i = i
        text = s[start:i].decode('ascii')
        if is_float:
            return float(text)
        return self.arith(lambda: int(text))

    def checked(self, value):
        if value.bit_length() > MAX_INTEGER_BITS:
            raise OverflowError('integer too large')
        return value

    def apply(self, op, a, b):
        if op == ord('+'):
            return self.arith(lambda: a + b)
        if op == ord('-'):
            return self.arith(lambda: a - b)
        if op == ord('*'):
            return self.arith(lambda: a * b)
        return self.arith(lambda: a / b)

    def arith(self, compute):
        if self.pending:
            return 0
        try:
            value = compute()
            return self.checked(value) if isinstance(value, int) else value
        except ZeroDivisionError:
            self.pending = 'division by zero'
        except OverflowError:
            self.pending = 'overflow'
        return 0


def evaluate(line):
    if len(line) > MAX_EXPRESSION_BYTES:
        return 'error: too long'
    parser = Parser(line)
    try:
        return parser.line()
    except Stop as stop:
        return 'error: ' + str(stop)


def lines(data):
    pieces = data.split(b'\n')
    if pieces[-1] == b'':
        pieces.pop()
    return [p[:-1] if p.endswith(b'\r') else p for p in pieces]


def evaluate_all(data):
    return ''.join(evaluate(line) + '\n' for line in lines(data))


def operand(rng):
    kind = rng.random()
    if kind < 0.45:
        return str(rng.randint(1, 99))
    if kind < 0.55:
        return str(rng.randint(0, 10 ** rng.randint(10, 60)))
    if kind < 0.65:
        return str(rng.choice([0, 1, 2, 3, 7, 10, 2 ** 53, 2 ** 53 + 1, 2 ** 63 - 1, 2 ** 63, 2 ** 64 + 3]))
    if kind < 0.80:
        exponent = rng.randint(0, 30) if rng.random() < 0.9 else rng.randint(290, 330)
        return rng.choice(['{}.{}', '.{}', '{}.', '{}e{e}', '{}.{}e-{e}', '{}E+{e}']).format(
            rng.randint(1, 999), rng.randint(0, 999), e=exponent)
    if kind < 0.85:
        return rng.choice(['1e308', '1.7976931348623157e308', '5e-324', '2.2250738585072014e-308', '0.0'])
    return '-' * rng.randint(1, 2) + str(rng.randint(0, 99))


def expression(rng, depth=0):
    parts = []
    for n in range(rng.randint(1, 6)):
        if n:
            parts.append(rng.choice(['+', '-', '*', '/', ' + ', ' * ', '\t/ ']))
        if depth < 3 and rng.random() < 0.2:
            parts.append('(' + expression(rng, depth + 1) + ')')
        else:
            parts.append(operand(rng))
    return ''.join(parts)


def cases():
    """Hand-picked edges first, then generated expressions of ints, floats, mixes and big numbers."""
    fixed = [
        '', '   ', '1+1', '7/2', '1/3', '2/1', '1/100000', '10**2', '10000000000000000/1', '1e16', '0.1+0.2',
        '1/0', '1.0/0', '0/0.0', '0/-5', '-0.0', '0*-1.0', '-0*1.0', '2*3+4*5-6/7', '1-2-3', '8/4/2',
        '99999999999999999999*99999999999999999999', '9223372036854775807+1', '-9223372036854775807-1',
        '-9223372036854775807-1-1', '--9223372036854775808', '(-9223372036854775807-1)*-1',
        '3037000500*3037000500', '9007199254740993/1', '9007199254740993.0', '123456789012345678901234567890/7',
        '1' + '0' * 400 + '/1', '1/1' + '0' * 400, '1' + '0' * 400 + '+1.0', '1' + '0' * 308 + '/3',
        '1e308*10', '1/(1e308*10)', '1e308*10-1e308*10', '1e999', '1e-999', '(((1)))', '((1)', '(1))', '()',
        '1 2', '1+', '+1', '*1', '1..2', '.5', '5.', '.', '1e', '1e+', '1E-2', '1e5x', 'abc', '1 + x',
        'import sys;sys.exit()', 'import time;time.sleep(3600)', '2 ** 3', '1/0 + x', '1/0+1e999999*0',
        '(' * 200 + '1' + ')' * 200, '(' * 201 + '1' + ')' * 201, '-' * 500 + '1', '0' * 50 + '7',
        '2' + '*2' * 8191, '2' + '*2' * 8192, '3' * 2467, '9' * 2467, '1' * 10_000, '1' * 10_001,
        '1/1' + '0' * 310, '7/' + '3' * 320, '-2/' + '9' * 323, '1/-' + '3' * 324, '4/' + '1' * 330,
        '2' + '*2' * 1023 + '/1', '2' + '*2' * 1022 + '*1.9999999999999999/1', '0/-' + '9' * 30,
        '\t1\t+\t2\t', '1 +\t2', '-(2)', '-(-2.5)', '- 3', '2*-3', '2--3', '2---3', '1-.5', '0.1*3',
    ]
    rng = random.Random(2026)
    return fixed + [expression(rng) for _ in range(3000)]


def main():
    sys.setrecursionlimit(20_000)
    sys.set_int_max_str_digits(0)
    if sys.argv[1:2] == ['--cases']:
        out = sys.argv[2]
        table = cases()
        with open(out + '/calc-cases.txt', 'w') as f:
            f.write(''.join(c + '\n' for c in table))
        with open(out + '/calc-expected.txt', 'w') as f:
            f.write(''.join(evaluate(c.encode('ascii')) + '\n' for c in table))
        return
    sys.stdout.write(evaluate_all(sys.stdin.buffer.read()))


if __name__ == '__main__':
    main()
