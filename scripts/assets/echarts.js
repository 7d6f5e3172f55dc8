// The parts of ECharts the chart pages use, bundled by scripts/build_assets.mjs into
// platform/bizsuite/web/static/build/echarts.min.js (a global `echarts`, like the full bundle).
// A chart page that needs another series type or component adds it here.
import * as echarts from "echarts/core";
import { BarChart, LineChart } from "echarts/charts";
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
} from "echarts/components";
import { SVGRenderer } from "echarts/renderers";

echarts.use([
  BarChart,
  LineChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  SVGRenderer,
]);

window.echarts = echarts;
