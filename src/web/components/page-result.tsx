// antd's Result (a page-level 403, 404, warning or error), fetched the first
// time one is shown: the module holds the 403, 404 and 500 illustrations,
// ~10 kB gzip that the first load would otherwise carry for screens most
// sessions never see (decision 0915). Until it is here, or when it cannot be
// fetched (offline, the case a chunk that failed to load leads to), the same
// title, text and buttons show plainly.
import { useEffect, useState, type ComponentType } from 'react';
import type { ResultProps } from 'antd';

type AntResult = ComponentType<ResultProps>;
let fetched: AntResult | null = null;
let fetching: Promise<AntResult> | null = null;

function fetchResult(): Promise<AntResult> {
  fetching ??= import('antd/es/result/index.js').then(
    (m) => (fetched = m.default),
    (e: unknown) => {
      fetching = null; // tried again by the next result shown
      throw e;
    },
  );
  return fetching;
}

export function PageResult(props: ResultProps) {
  const [Result, setResult] = useState<AntResult | null>(() => fetched);
  useEffect(() => {
    if (Result) return;
    let shown = true;
    fetchResult().then(
      (r) => shown && setResult(() => r),
      () => undefined, // stays plain
    );
    return () => {
      shown = false;
    };
  }, [Result]);
  if (Result) return <Result {...props} />;
  return (
    <div className="zy-result" data-status={props.status}>
      <div className="zy-result-title">{props.title}</div>
      {props.subTitle && <div className="zy-result-subtitle">{props.subTitle}</div>}
      {props.extra && <div className="zy-result-extra">{props.extra}</div>}
    </div>
  );
}
