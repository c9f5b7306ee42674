"""Dynamics of social balance: local and constrained triad dynamics on a signed network.

Follows Antal, Krapivsky & Redner (2005), "Dynamics of social balance on networks",
Phys. Rev. E 72, 036121. Links carry s_ij = +1 (friendly) or −1 (unfriendly); a triad with k
unfriendly links is Δ_k; Δ0 and Δ2 are balanced, Δ1 and Δ3 imbalanced.

**Local triad dynamics (LTD)**, with propensity p for friendship. An update picks a triad
uniformly at random; a balanced one is left alone. If it is a Δ1, with probability p its
unfriendly link becomes friendly (Δ1 → Δ0), otherwise (1 − p) one of its two friendly links,
chosen at random, becomes unfriendly (Δ1 → Δ2). If it is a Δ3, one of its three links, chosen
at random, becomes friendly (Δ3 → Δ2). For an infinite complete graph the friendly density
tends to ρ∞ = 1 / (√(3(1 − 2p)) + 1) for p < ½ and to 1 ("paradise") for p ≥ ½; a finite
network always ends in a balanced absorbing state, but for p < ½ only after a time that grows
exponentially with the size, so a network of a few dozen nodes stays near ρ∞.

**Constrained triad dynamics (CTD)**. An update picks an imbalanced triad at random and one
of its links at random; the link flips if that lowers the number of imbalanced triads in the
whole network, flips with probability ½ if the number stays the same, and never flips if it
would rise. A balanced state is absorbing; so is a *jammed* state — imbalanced, but every
link of every imbalanced triad would raise the count if flipped. The paper finds that
balance is reached quickly; jammed states exist but are rarely reached (here about 1% of runs
from random complete graphs of 12–48 nodes jam). The paper's rule picks the link through an
imbalanced triad, not uniformly among all links, and so does this one.

Time: one unit is M update attempts (M = number of links), so each link is picked about once
per unit. Both dynamics count every triad draw, balanced or not, as 1/M (LTD's clock in the
paper); the draws that find a balanced triad are skipped in one geometric jump rather than
one by one, which has the same distribution.

Networks: complete graphs (the paper's setting) or incomplete ones, as a symmetric matrix of
+1, −1 and 0 (no link; the diagonal is ignored). On an incomplete graph only the triangles
that exist are triads: the dynamics only ever sees them, and "balanced" means every
triangle balanced. That is structural balance for a complete graph; on an incomplete graph
longer cycles may still be unbalanced, and then ``balanced_partition`` returns None.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy as np

from blocwatch.analysis.errors import AnalysisInputError

MAX_NODES = 200
_REJECTION_SHARE = 1 / 16
_JAM_CHECK_EVERY = 16

Seed = int | np.random.Generator | None


@dataclass(frozen=True, slots=True)
class Run:
    """One run of triad dynamics: the end state and the friendly-link density over time.

    ``state`` is "balanced" (no imbalanced triangle left), "jammed" (CTD only: no allowed
    move) or "unresolved" (stopped by ``max_time`` or ``max_updates``). ``density_trace[i]`` is
    the share of friendly links at time ``times[i]``.
    """

    final_signs: np.ndarray
    time: float
    updates: int
    flips: int
    state: str
    times: np.ndarray
    density_trace: np.ndarray

    @property
    def balanced(self) -> bool:
        return self.state == "balanced"


def stationary_density(p: float) -> float:
    """AKR's ρ∞ = 1 / (√(3(1 − 2p)) + 1) for p < ½, and 1 (paradise) for p ≥ ½."""
    _check_p(p)
    return 1.0 if p >= 0.5 else 1.0 / (float(np.sqrt(3.0 * (1.0 - 2.0 * p))) + 1.0)


def random_signs(n: int, friendly: float = 0.5, seed: Seed = None) -> np.ndarray:
    """A complete signed graph on n nodes, each link friendly with probability ``friendly``."""
    if n < 3 or not 0.0 <= friendly <= 1.0:
        raise AnalysisInputError("random_signs: use n ≥ 3 nodes and a friendly share between 0 and 1")
    rng = np.random.default_rng(seed)
    upper = np.triu(np.where(rng.random((n, n)) < friendly, 1, -1), 1)
    return upper + upper.T


def simulate_ltd(
    signs: np.ndarray,
    p: float,
    *,
    max_time: float = 50.0,
    max_updates: int | None = None,
    seed: Seed = None,
    sample_every: float = 0.5,
) -> Run:
    """Local triad dynamics with friendship propensity p until balance or ``max_time``."""
    _check_p(p)
    state = _State(signs)
    return _Simulation(state, np.random.default_rng(seed), max_time, max_updates, sample_every).ltd(p)


def simulate_ctd(
    signs: np.ndarray,
    *,
    max_time: float = 50.0,
    max_updates: int | None = None,
    seed: Seed = None,
    sample_every: float = 0.5,
) -> Run:
    """Constrained triad dynamics until balance, a jammed state or ``max_time``."""
    state = _State(signs)
    return _Simulation(state, np.random.default_rng(seed), max_time, max_updates, sample_every).ctd()


def balanced_partition(signs: np.ndarray) -> tuple[int, ...] | None:
    """The two mutually hostile cliques of a balanced network, as 0/1 labels; None if not balanced.

    Friendly links join nodes of the same group and unfriendly ones nodes of different groups.
    Node 0 is in group 0, so paradise (all friendly) is all zeros. On a disconnected network
    the lowest node of every component is put in group 0.
    """
    s = _check_signs(signs)
    labels = np.full(s.shape[0], -1)
    for root in range(s.shape[0]):
        if labels[root] < 0 and not _colour(s, root, labels):
            return None
    return tuple(int(v) for v in labels)


def outcomes(
    signs: np.ndarray,
    runs: int,
    p: float | None = None,
    *,
    dynamics: str = "ctd",
    seed: Seed = None,
    max_time: float = 50.0,
) -> list[tuple[tuple[int, ...] | None, float]]:
    """Which balanced partitions the dynamics reaches from ``signs``, and in what share of runs.

    ``dynamics`` is "ctd" or "ltd" (which needs p). Runs that end jammed or unresolved count
    under None, and so do runs on an incomplete network whose triangles all balance while a
    longer cycle does not. Sorted by share, largest first (ties by partition).
    """
    if runs < 1:
        raise AnalysisInputError(f"runs={runs}: use at least one run")
    if dynamics not in ("ctd", "ltd"):
        raise AnalysisInputError(f"dynamics={dynamics!r}: use 'ctd' or 'ltd'")
    if dynamics == "ltd" and p is None:
        raise AnalysisInputError("local triad dynamics needs p, the propensity for friendship (0 ≤ p ≤ 1)")
    friendship = 0.0 if p is None else float(p)
    rng = np.random.default_rng(seed)
    counts: Counter[tuple[int, ...] | None] = Counter()
    for _ in range(runs):
        if dynamics == "ltd":
            run = simulate_ltd(signs, friendship, max_time=max_time, seed=rng)
        else:
            run = simulate_ctd(signs, max_time=max_time, seed=rng)
        counts[balanced_partition(run.final_signs) if run.balanced else None] += 1
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0] is None, kv[0] or ()))
    return [(partition, count / runs) for partition, count in ranked]


def _check_p(p: float) -> None:
    if not 0.0 <= p <= 1.0:
        raise AnalysisInputError(f"p={p}: use a propensity for friendship between 0 and 1")


def _check_signs(signs: np.ndarray) -> np.ndarray:
    s = np.array(signs, dtype=float)
    if s.ndim != 2 or s.shape[0] != s.shape[1] or s.shape[0] < 3:
        raise AnalysisInputError(f"signs: give a square matrix over at least 3 nodes, got shape {s.shape}")
    if s.shape[0] > MAX_NODES:
        raise AnalysisInputError(f"signs: {s.shape[0]} nodes; triad dynamics here handle at most {MAX_NODES}")
    np.fill_diagonal(s, 0.0)
    if not np.isin(s, (-1.0, 0.0, 1.0)).all():
        raise AnalysisInputError("signs: use +1 (friendly), −1 (unfriendly) and 0 (no link), e.g. np.sign(matrix)")
    if not np.array_equal(s, s.T):
        raise AnalysisInputError("signs: make the matrix symmetric (links are undirected)")
    return s.astype(np.int64)


def _colour(s: np.ndarray, root: int, labels: np.ndarray) -> bool:
    """Two-colour the component of ``root`` (friends alike, enemies apart); False on a conflict."""
    labels[root] = 0
    stack = [root]
    while stack:
        u = stack.pop()
        linked = np.flatnonzero(s[u])
        wanted = np.where(s[u, linked] > 0, labels[u], 1 - labels[u])
        if np.any((labels[linked] >= 0) & (labels[linked] != wanted)):
            return False
        fresh = labels[linked] < 0
        labels[linked[fresh]] = wanted[fresh]
        stack.extend(linked[fresh].tolist())
    return True


def _triangles(links: np.ndarray) -> np.ndarray:
    """Every triangle i < j < k of the link pattern, as a (T, 3) array of nodes."""
    found = []
    for i in range(links.shape[0]):
        later = np.flatnonzero(links[i, i + 1 :]) + i + 1
        j, k = np.nonzero(np.triu(links[np.ix_(later, later)], 1))
        found.append(np.column_stack([np.full(j.size, i), later[j], later[k]]))
    return np.concatenate(found).astype(np.int64)


class _Uniforms:
    """Uniform draws on [0, 1) from a generator, taken in blocks (one Python call per draw)."""

    def __init__(self, rng: np.random.Generator, block: int = 4096) -> None:
        self.rng, self.block = rng, block
        self.buffer: list[float] = []

    def __call__(self) -> float:
        if not self.buffer:
            self.buffer = self.rng.random(self.block).tolist()
        return self.buffer.pop()


class _State:
    """Link signs, triangle sign products and the counts the dynamics need, kept in step."""

    def __init__(self, signs: np.ndarray) -> None:
        s = _check_signs(signs)
        self.n = s.shape[0]
        self.ends = np.argwhere(np.triu(s != 0, 1))
        self.n_links = len(self.ends)
        link_id = np.full((self.n, self.n), -1)
        link_id[self.ends[:, 0], self.ends[:, 1]] = np.arange(self.n_links)
        link_id[self.ends[:, 1], self.ends[:, 0]] = np.arange(self.n_links)
        nodes = _triangles(s != 0)
        if nodes.size == 0:
            raise AnalysisInputError("signs: the network has no triangle, so triad dynamics cannot act on it")
        self.tri_links = np.column_stack(
            [link_id[nodes[:, 0], nodes[:, 1]], link_id[nodes[:, 0], nodes[:, 2]], link_id[nodes[:, 1], nodes[:, 2]]]
        )
        self.triads: list[tuple[int, int, int]] = [tuple(t) for t in self.tri_links.tolist()]
        self.n_triads = len(nodes)
        self.per_link = np.bincount(self.tri_links.ravel(), minlength=self.n_links)
        order = np.argsort(self.tri_links.ravel(), kind="stable") // 3
        self.link_tris = np.split(order, np.cumsum(self.per_link)[:-1])
        signs_now = s[self.ends[:, 0], self.ends[:, 1]]
        self.sign: list[int] = signs_now.tolist()
        self.product = signs_now[self.tri_links].prod(axis=1).astype(np.int8)
        self.imbalanced = int(np.count_nonzero(self.product < 0))
        self.friendly = int(np.count_nonzero(signs_now > 0))

    def density(self) -> float:
        return self.friendly / self.n_links

    def change(self, link: int) -> int:
        """How the number of imbalanced triads would change if ``link`` flipped."""
        tris = self.link_tris[link]
        return tris.size - 2 * int(np.count_nonzero(self.product[tris] < 0))

    def flip(self, link: int) -> None:
        tris = self.link_tris[link]
        before = self.product[tris]
        self.imbalanced += tris.size - 2 * int(np.count_nonzero(before < 0))
        self.product[tris] = -before
        self.friendly -= self.sign[link]
        self.sign[link] = -self.sign[link]

    def draw_imbalanced(self, uniform: _Uniforms, rng: np.random.Generator) -> tuple[int, int]:
        """A uniformly random imbalanced triad and the number of uniform triad draws it took.

        While imbalanced triads are common the draws are made one by one; when they are rare,
        the number of draws is geometric and the triad is picked among the imbalanced ones.
        """
        if self.imbalanced >= _REJECTION_SHARE * self.n_triads:
            draws, product, total = 1, self.product, self.n_triads
            while product[tri := int(uniform() * total)] >= 0:
                draws += 1
            return tri, draws
        draws = int(rng.geometric(self.imbalanced / self.n_triads))
        return int(np.flatnonzero(self.product < 0)[int(uniform() * self.imbalanced)]), draws

    def jammed(self) -> bool:
        """Imbalanced, and no link of an imbalanced triad may flip without raising the count."""
        bad = np.bincount(self.tri_links[self.product < 0].ravel(), minlength=self.n_links)
        candidates = bad > 0
        return self.imbalanced > 0 and bool(np.all(self.per_link[candidates] - 2 * bad[candidates] > 0))

    def matrix(self) -> np.ndarray:
        out = np.zeros((self.n, self.n), dtype=np.int64)
        out[self.ends[:, 0], self.ends[:, 1]] = self.sign
        out[self.ends[:, 1], self.ends[:, 0]] = self.sign
        return out


class _Simulation:
    """The shared clock, sampling and stopping rules of both dynamics."""

    def __init__(
        self, state: _State, rng: np.random.Generator, max_time: float, max_updates: int | None, every: float
    ) -> None:
        if not max_time > 0 or not every > 0 or (max_updates is not None and max_updates < 0):
            raise AnalysisInputError("use max_time > 0, sample_every > 0 and max_updates ≥ 0 (or None)")
        self.state, self.rng, self.uniform = state, rng, _Uniforms(rng)
        self.max_time, self.max_updates, self.every = float(max_time), max_updates, float(every)
        self.time, self.updates, self.flips = 0.0, 0, 0
        self.times: list[float] = []
        self.trace: list[float] = []

    def ltd(self, p: float) -> Run:
        sign, uniform = self.state.sign, self.uniform
        while (triad := self._next_triad()) is not None:
            links = self.state.triads[triad]
            unfriendly = [link for link in links if sign[link] < 0]
            if len(unfriendly) == 3:
                self._flip(unfriendly[int(uniform() * 3)])
            elif uniform() < p:
                self._flip(unfriendly[0])
            else:
                friendly = [link for link in links if sign[link] > 0]
                self._flip(friendly[int(uniform() * 2)])
        return self._finish("balanced" if self.state.imbalanced == 0 else "unresolved")

    def ctd(self) -> Run:
        refused = 0
        while (triad := self._next_triad()) is not None:
            link = self.state.triads[triad][int(self.uniform() * 3)]
            change = self.state.change(link)
            if change < 0 or (change == 0 and self.uniform() < 0.5):
                self._flip(link)
                refused = 0
                continue
            refused += 1
            if refused % _JAM_CHECK_EVERY == 0 and self.state.jammed():
                return self._finish("jammed")
        return self._finish("balanced" if self.state.imbalanced == 0 else "unresolved")

    def _next_triad(self) -> int | None:
        """Advance the clock to the next draw of an imbalanced triad and return it, or None to stop."""
        state = self.state
        if state.imbalanced == 0 or (self.max_updates is not None and self.updates >= self.max_updates):
            return None
        triad, draws = state.draw_imbalanced(self.uniform, self.rng)
        arrival = self.time + draws / state.n_links
        if arrival > self.max_time:
            self.time = self.max_time
            return None
        self._sample(before=arrival)
        self.time = arrival
        self.updates += 1
        return triad

    def _flip(self, link: int) -> None:
        self.state.flip(link)
        self.flips += 1

    def _sample(self, before: float) -> None:
        while len(self.times) * self.every < before:
            self.times.append(len(self.times) * self.every)
            self.trace.append(self.state.density())

    def _finish(self, state: str) -> Run:
        self._sample(before=float(np.nextafter(self.time, np.inf)))
        return Run(
            final_signs=self.state.matrix(),
            time=self.time,
            updates=self.updates,
            flips=self.flips,
            state=state,
            times=np.array(self.times),
            density_trace=np.array(self.trace),
        )
