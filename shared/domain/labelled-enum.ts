import { z } from 'zod'

/**
 * A closed set of values with the words the analyst reads for each: the values (in the labels'
 * order), their schema and their labels, all from one list so that none can miss a value.
 */
export function labelledEnum<Labels extends Record<string, string>>(labels: Labels) {
  type Value = Extract<keyof Labels, string>
  const values = Object.keys(labels) as [Value, ...Value[]]
  return {
    values: values as readonly [Value, ...Value[]],
    schema: z.enum(values),
    labels: labels as Record<Value, string>,
  }
}
