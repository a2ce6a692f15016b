// Import cycles: the strongly connected components of a directed graph (Tarjan), and one shortest
// cycle through each so a report can show the loop to cut.

/** A graph as each node's outgoing edges. Nodes that only appear as targets count as nodes too. */
export type Graph = ReadonlyMap<string, ReadonlySet<string>>

/** Components of more than one node, or a node importing itself; members sorted, components by first member. */
export function cyclicComponents(graph: Graph): string[][] {
  const index = new Map<string, number>()
  const lowLink = new Map<string, number>()
  const onStack = new Set<string>()
  const stack: string[] = []
  const components: string[][] = []
  let counter = 0

  const connect = (node: string) => {
    index.set(node, counter)
    lowLink.set(node, counter)
    counter++
    stack.push(node)
    onStack.add(node)
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        connect(next)
        lowLink.set(node, Math.min(lowLink.get(node)!, lowLink.get(next)!))
      } else if (onStack.has(next)) lowLink.set(node, Math.min(lowLink.get(node)!, index.get(next)!))
    }
    if (lowLink.get(node) !== index.get(node)) return
    const component: string[] = []
    let member: string
    do {
      member = stack.pop()!
      onStack.delete(member)
      component.push(member)
    } while (member !== node)
    if (component.length > 1 || graph.get(node)?.has(node)) components.push(component.sort())
  }

  for (const node of [...graph.keys()].sort()) if (!index.has(node)) connect(node)
  return components.sort((a, b) => a[0]!.localeCompare(b[0]!))
}

/** A shortest cycle through `start` staying inside `members`, as `[start, …, start]`. */
export function shortestCycle(graph: Graph, start: string, members: ReadonlySet<string>): string[] {
  const cameFrom = new Map<string, string>()
  const queue = [start]
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head]!
    for (const next of [...(graph.get(node) ?? [])].sort()) {
      if (!members.has(next)) continue
      if (next === start) {
        const path = [node]
        while (path[0] !== start) path.unshift(cameFrom.get(path[0]!)!)
        return [...path, start]
      }
      if (!cameFrom.has(next)) {
        cameFrom.set(next, node)
        queue.push(next)
      }
    }
  }
  return [start]
}
