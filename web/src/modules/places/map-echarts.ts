import ReactEChartsCore from 'echarts-for-react/esm/core';
import { ScatterChart } from 'echarts/charts';
import { GeoComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

// The maps' one ECharts: geo regions and scatter points drawn as SVG (crisp boundaries at any zoom, and regions a browser
// test can read by their fill), from GeoJSON the server stores, with no tile service. Whoever imports this loads ECharts:
// import it only from lazily loaded cards.
echarts.use([ScatterChart, GeoComponent, TooltipComponent, SVGRenderer]);

export { echarts, ReactEChartsCore };
