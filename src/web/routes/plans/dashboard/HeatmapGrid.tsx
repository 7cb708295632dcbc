import { Anchor, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Heatmap } from '#shared/plans.ts';
import classes from './dashboard.module.css';

type Cell = Heatmap['cells'][number];

/** The colour class of a cell: red with overdue work, green when all is done, amber in between. */
function tone(c: Cell | undefined): string {
  if (!c || c.total === 0) return classes.none!;
  if (c.overdue > 0) return classes.overdue!;
  if (c.done === c.total) return classes.done!;
  if (c.done > 0) return classes.partial!;
  return classes.open!;
}

/** Units × tasks: each cell the tasks done over those to do in the unit's subtree, coloured by state. */
export function HeatmapGrid({ heatmap, onDrill }: { heatmap: Heatmap; onDrill: (unit: { id: string; name: string }) => void }) {
  const { t } = useTranslation();
  const byKey = new Map(heatmap.cells.map((c) => [`${c.unitId}|${c.taskId}`, c]));
  const taskLabel = (ord: number) => t('plans.dash.taskShort', { n: ord });
  const describe = (unit: string, task: string, c: Cell | undefined) =>
    c ? t('plans.dash.cellLabel', { unit, task, done: c.done, total: c.total, overdue: c.overdue }) : t('plans.dash.cellNone', { unit, task });

  return (
    <Stack gap="sm">
      <Table.ScrollContainer minWidth={Math.max(300, 200 + heatmap.tasks.length * 64)}>
        <Table withTableBorder withColumnBorders verticalSpacing={4} aria-label={t('plans.dash.heatmapTable')} className={classes.heatmap}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th className={classes.sticky}>{t('plans.dash.unit')}</Table.Th>
              {heatmap.tasks.map((task) => (
                <Table.Th key={task.taskId} ta="center">
                  <abbr title={task.text}>{taskLabel(task.ord)}</abbr>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {heatmap.units.map((u) => (
              <Table.Tr key={u.unitId}>
                <Table.Th scope="row" className={classes.sticky} fw={400}>
                  <Anchor component="button" type="button" ta="left" size="sm" onClick={() => onDrill({ id: u.unitId, name: u.name })}>
                    {u.name}
                  </Anchor>
                </Table.Th>
                {heatmap.tasks.map((task) => {
                  const c = byKey.get(`${u.unitId}|${task.taskId}`);
                  const label = describe(u.name, taskLabel(task.ord), c);
                  return (
                    <Table.Td key={task.taskId} className={tone(c)} ta="center" title={label} aria-label={label}>
                      {c ? `${c.done}/${c.total}` : '—'}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group gap="md" aria-label={t('plans.dash.legend')} role="list">
        {(['done', 'partial', 'open', 'overdue'] as const).map((k) => (
          <Group gap={6} key={k} role="listitem">
            <span className={`${classes.swatch} ${classes[k]}`} aria-hidden />
            <Text size="xs">{t(`plans.dash.legend_${k}`)}</Text>
          </Group>
        ))}
      </Group>
      <Stack gap={2} component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('plans.dash.taskKey')}>
        {heatmap.tasks.map((task) => (
          <Text component="li" size="xs" c="dimmed" key={task.taskId}>
            {taskLabel(task.ord)}: {task.text}
          </Text>
        ))}
      </Stack>
    </Stack>
  );
}
