/** Real names of Jiangsu's provincial departments and of three cities' departments, for the demo. */

export const PROVINCE = { name: '江苏省', divisionCode: '320000' } as const;

/** [short key, full name] of provincial departments; the key builds demo logins. */
export const PROVINCIAL_DEPARTMENTS: readonly (readonly [string, string])[] = [
  ['sjj', '江苏省数据局'],
  ['fgw', '江苏省发展和改革委员会'],
  ['jyt', '江苏省教育厅'],
  ['kjt', '江苏省科学技术厅'],
  ['gxt', '江苏省工业和信息化厅'],
  ['mzw', '江苏省民族宗教事务委员会'],
  ['gat', '江苏省公安厅'],
  ['mzt', '江苏省民政厅'],
  ['sft', '江苏省司法厅'],
  ['czt', '江苏省财政厅'],
  ['rst', '江苏省人力资源和社会保障厅'],
  ['zrzyt', '江苏省自然资源厅'],
  ['sthjt', '江苏省生态环境厅'],
  ['zjt', '江苏省住房和城乡建设厅'],
  ['jtt', '江苏省交通运输厅'],
  ['slt', '江苏省水利厅'],
  ['nynct', '江苏省农业农村厅'],
  ['swt', '江苏省商务厅'],
  ['whlyt', '江苏省文化和旅游厅'],
  ['wjw', '江苏省卫生健康委员会'],
  ['tyjrt', '江苏省退役军人事务厅'],
  ['yjglt', '江苏省应急管理厅'],
  ['sjt', '江苏省审计厅'],
  ['wb', '江苏省人民政府外事办公室'],
  ['scjgj', '江苏省市场监督管理局'],
  ['gdj', '江苏省广播电视局'],
  ['tyj', '江苏省体育局'],
  ['tjj', '江苏省统计局'],
  ['ybj', '江苏省医疗保障局'],
  ['jrj', '江苏省地方金融管理局'],
  ['jgswj', '江苏省机关事务管理局'],
  ['zwb', '江苏省政务服务管理办公室'],
  ['lsj', '江苏省粮食和物资储备局'],
  ['jyj', '江苏省监狱管理局'],
  ['yjj', '江苏省药品监督管理局'],
  ['zscqj', '江苏省知识产权局'],
  ['swj', '国家税务总局江苏省税务局'],
  ['xfj', '江苏省信访局'],
  ['rfb', '江苏省人民防空办公室'],
  ['daj', '江苏省档案局'],
  ['qxj', '江苏省气象局'],
];

export const CITIES: readonly { key: string; name: string; divisionCode: string }[] = [
  { key: 'nj', name: '南京市', divisionCode: '320100' },
  { key: 'wx', name: '无锡市', divisionCode: '320200' },
  { key: 'sz', name: '苏州市', divisionCode: '320500' },
];

/** [short key, name suffix] of a city's departments. */
export const CITY_DEPARTMENTS: readonly (readonly [string, string])[] = [
  ['sjj', '数据局'],
  ['gaj', '公安局'],
  ['scjgj', '市场监督管理局'],
  ['rsj', '人力资源和社会保障局'],
  ['mzj', '民政局'],
  ['wjw', '卫生健康委员会'],
  ['zrzyj', '自然资源和规划局'],
  ['zjj', '住房和城乡建设局'],
  ['jyj', '教育局'],
  ['jtj', '交通运输局'],
];

/** Client applications of the demo: [department key, name, description]. */
export const DEMO_APPS: readonly (readonly [string, string, string])[] = [
  ['sjj', '一网通办总门户', '江苏政务服务网的统一受理系统'],
  ['gat', '人口信息共享服务系统', '向各部门提供人口基本信息核验与查询'],
  ['scjgj', '企业登记注册系统', '企业开办、变更、注销登记'],
  ['rst', '社会保险经办系统', '社保参保登记与待遇核定'],
  ['mzt', '婚姻登记管理系统', '婚姻登记与证明核验'],
  ['wjw', '全民健康信息平台', '医疗机构与健康档案数据'],
  ['zrzyt', '不动产登记信息平台', '不动产统一登记业务'],
  ['nj.sjj', '南京市政务数据共享平台', '南京市级共享交换前置'],
  ['sz.scjgj', '苏州市企业服务平台', '涉企政策兑现与企业画像'],
];
