'use client';
import {
  type QueryClient,
  type QueryFunction,
  type QueryKey,
  type SkipToken,
  skipToken,
  type UseQueryOptions,
  type UseQueryResult,
  useQuery,
} from '@tanstack/react-query';
import type * as Ably from 'ably';
import { waitingKey } from './use-query-context.js';

/**
 * A query hook's one `useQuery`: the built query, or while its input is missing (`query` undefined: `''`, `[]` or
 * `skipToken`) a waiting query under the hook's own waiting key, as TanStack Query's `skipToken` pattern expects.
 */
export function useQueryOrWait<TData, TSelected, TKey extends QueryKey>(
  hookName: string,
  query: { queryKey: TKey; queryFn?: QueryFunction<TData, TKey> | SkipToken } | undefined,
  options: Omit<UseQueryOptions<TData, Ably.ErrorInfo, TSelected, TKey>, 'queryKey' | 'queryFn'>,
  queryClient: QueryClient,
): UseQueryResult<TSelected, Ably.ErrorInfo> {
  return useQuery<TData, Ably.ErrorInfo, TSelected, TKey>(
    { ...options, queryKey: query?.queryKey ?? waitingKey<TKey>(hookName), queryFn: query?.queryFn ?? skipToken },
    queryClient,
  );
}
