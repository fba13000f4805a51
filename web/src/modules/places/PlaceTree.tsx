import { Empty, Skeleton, Tag, Tree, Typography } from 'antd';
import type { TreeDataNode } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import type { Place } from '../../app/api/types';
import { useNotify } from '../../app/hooks/useNotify';
import { useT } from '../../app/i18n/I18nProvider';
import { placesApi, TREE_PAGE as PAGE, type PlaceDetail } from './api';

interface Props {
  roots: Place[] | undefined;
  /** The place on the right; the tree opens down to it. */
  focus: PlaceDetail | undefined;
  /** Bumped after a change under these places, so their children are fetched again. */
  reload: { ids: string[]; n: number } | null;
}

/** The caller's part of the one net, loaded one level at a time. */
export function PlaceTree({ roots, focus, reload }: Props) {
  const t = useT();
  const navigate = useNavigate();
  const { error } = useNotify();
  const [kids, setKids] = useState<Record<string, { items: Place[]; total: number }>>({});
  const [expanded, setExpanded] = useState<string[]>([]);
  // Each place's children request, in flight or answered: the effects below share it instead of asking twice.
  const loaded = useRef(new Map<string, Promise<void>>());
  const box = useRef<HTMLDivElement>(null);
  const focusId = focus?.place.id;

  // Keep the focused node in sight once the tree has opened down to it.
  useEffect(() => {
    if (focusId) box.current?.querySelector(`[data-testid="tree-node-${focusId}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [focusId, expanded, kids]);

  const fetchChildren = useCallback((id: string, again = false): Promise<void> => {
    const known = loaded.current.get(id);
    if (known && !again) return known;
    const request = placesApi.children(id, PAGE, 0).then((page) => setKids((k) => ({ ...k, [id]: page })));
    loaded.current.set(id, request);
    request.catch(() => loaded.current.delete(id));
    return request;
  }, []);

  // Open the roots at once, without waiting for the place on the right: the first two levels show sooner.
  useEffect(() => {
    if (!roots) return;
    const todo = roots.filter((r) => r.level !== 'household').map((r) => r.id);
    Promise.all(todo.map((id) => fetchChildren(id)))
      .then(() => setExpanded((e) => [...new Set([...e, ...todo])]))
      .catch(error);
  }, [roots, fetchChildren, error]);

  // Open the tree along the focused place's ancestors that lie inside the caller's roots.
  useEffect(() => {
    if (!focus || !roots) return;
    const chain = [...focus.ancestors.map((a) => a.id), focus.place.id];
    const start = chain.findIndex((id) => roots.some((r) => r.id === id));
    if (start < 0) return;
    // The focused place opens too, so clicking a node shows what lies under it.
    const open = focus.place.level === 'household' ? chain.slice(start, -1) : chain.slice(start);
    (async () => {
      for (const id of open) await fetchChildren(id);
      setExpanded((e) => [...new Set([...e, ...open])]);
    })().catch(error);
  }, [focus, roots, fetchChildren, error]);

  useEffect(() => {
    if (!reload) return;
    const ids = reload.ids.filter((id) => loaded.current.has(id));
    Promise.all(ids.map((id) => fetchChildren(id, true))).catch(error);
  }, [reload, fetchChildren, error]);

  const toNode = (p: Place): TreeDataNode => {
    const page = kids[p.id];
    const children = page?.items.map(toNode);
    if (page && page.total > page.items.length) {
      children?.push({ key: `${p.id}:more`, title: <Typography.Text type="secondary">{t('common.more', { count: page.total - page.items.length })}</Typography.Text>, isLeaf: true, selectable: false });
    }
    return {
      key: p.id,
      isLeaf: p.level === 'household',
      children,
      title: (
        <span data-testid={`tree-node-${p.id}`}>
          {p.name}
          {p.threeNo && <Tag color="red" style={{ marginInlineStart: 6 }}>{t('place.threeNoTag')}</Tag>}
        </span>
      ),
    };
  };

  if (!roots) return <Skeleton active />;
  if (roots.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <div ref={box} style={{ maxHeight: 'calc(100vh - 190px)', minHeight: 240, overflow: 'auto' }}>
      <Tree
        blockNode
        treeData={roots.map(toNode)}
        expandedKeys={expanded}
        onExpand={(keys) => setExpanded(keys.map(String))}
        selectedKeys={focus ? [focus.place.id] : []}
        loadData={async (node) => {
          await fetchChildren(String(node.key)).catch(error);
        }}
        onSelect={(keys) => keys[0] && navigate(`/places/${String(keys[0])}`)}
        virtual={false}
      />
    </div>
  );
}
