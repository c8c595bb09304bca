// A bar chart drawn by chart.js on a canvas (no inline styles or <style> tags, so the strict CSP holds),
// with a text summary for screen readers and the full table of values as its accessible alternative.
import { useEffect, useId, useRef } from 'react';
import type { Chart } from 'chart.js';
import { useI18n } from '../../i18n/t';

/** chart.js is loaded when the first chart is shown, so other screens do not carry it. */
let loading: Promise<typeof Chart> | undefined;
function loadChart(): Promise<typeof Chart> {
  loading ??= import('chart.js').then(({ BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip }) => {
    Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);
    return Chart;
  });
  return loading;
}

export interface Series {
  name: string;
  values: number[];
  color: string;
}

interface BarChartProps {
  title: string;
  labels: string[];
  series: Series[];
  stacked?: boolean;
  format: (value: number) => string;
  /** The total, said in the summary. */
  total: string;
  /** Header of the table's first column (e.g. "Maand"). */
  bucketHeader: string;
}

export function BarChart({ title, labels, series, stacked = false, format, total, bucketHeader }: BarChartProps) {
  const { t } = useI18n();
  const canvas = useRef<HTMLCanvasElement>(null);
  const headingId = useId();

  useEffect(() => {
    let chart: Chart | undefined;
    let live = true;
    void loadChart().then((ChartClass) => {
      if (!live || !canvas.current) return;
      chart = new ChartClass(canvas.current, {
        type: 'bar',
        data: { labels, datasets: series.map((s) => ({ label: s.name, data: s.values, backgroundColor: s.color, borderColor: s.color })) },
        options: {
          animation: false,
          responsive: true,
          maintainAspectRatio: false,
          scales: {
            x: { stacked, ticks: { color: '#1c1c1c' }, grid: { display: false } },
            y: { stacked, beginAtZero: true, ticks: { color: '#1c1c1c', callback: (v) => format(Number(v)) } },
          },
          plugins: {
            legend: { position: 'bottom', labels: { color: '#1c1c1c' } },
            tooltip: { callbacks: { label: (c) => `${c.dataset.label ?? ''}: ${format(c.parsed.y ?? 0)}` } },
          },
        },
      });
    });
    return () => {
      live = false;
      chart?.destroy();
    };
  }, [labels, series, stacked, format]);

  return (
    <figure className="report-chart" aria-labelledby={headingId}>
      <figcaption id={headingId} className="report-chart__title">
        {title}
      </figcaption>
      <div className="report-chart__canvas">
        <canvas ref={canvas} role="img" aria-label={t('reports.chart.summary', { title, total })} />
      </div>
      <details className="report-chart__table">
        <summary>{t('reports.chart.table')}</summary>
        <div className="table-wrap">
          <table className="table report-table">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{bucketHeader}</th>
                {series.map((s) => (
                  <th scope="col" key={s.name} className="num">
                    {s.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {labels.map((label, i) => (
                <tr key={label}>
                  <th scope="row">{label}</th>
                  {series.map((s) => (
                    <td key={s.name} className="num">
                      {format(s.values[i] ?? 0)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
