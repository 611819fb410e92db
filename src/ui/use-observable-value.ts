import { useEffect, useState } from 'react';
import type { Observable } from 'rxjs';

/** The latest value of an observable, starting from `initial`; unsubscribes on unmount or when the source changes. */
export const useObservableValue = <T>(source: Observable<T>, initial: T): T => {
  const [value, setValue] = useState(initial);
  useEffect(() => {
    const subscription = source.subscribe(setValue);
    return () => subscription.unsubscribe();
  }, [source]);
  return value;
};
