/** Words the catalog demo draws on besides the entry templates: tags, conditions, places, comments. */

/** 目录标签: the 50 life-event tags of national catalog reporting, as the demo uses them. */
export const LIFE_EVENT_TAGS: readonly string[] = [
  '生育收养',
  '户籍办理',
  '民族宗教',
  '教育科研',
  '入伍服役',
  '就业创业',
  '设立变更',
  '准营准办',
  '抵押质押',
  '职业资格',
  '行政缴费',
  '婚姻登记',
  '优待抚恤',
  '规划建设',
  '住房保障',
  '社会保障',
  '证件办理',
  '交通出行',
  '旅游观光',
  '出境入境',
  '消费维权',
  '公共安全',
  '司法公证',
  '知识产权',
  '环保绿化',
  '文化体育',
  '公用事业',
  '医疗卫生',
  '离职退休',
  '死亡殡葬',
  '投资审批',
  '年检年审',
  '税收财务',
  '农林牧渔',
  '行政许可',
  '行政处罚',
  '行政检查',
  '信用监管',
  '社会救助',
  '安全生产',
  '应急管理',
  '气象服务',
  '水利水务',
  '档案查询',
  '统计调查',
  '信访投诉',
  '人防工程',
  '粮食储备',
  '对外交流',
  '其他',
];

/** A city department's provincial counterpart, whose entries it compiles a city version of. */
export const CITY_COUNTERPART: Readonly<Record<string, string>> = {
  sjj: 'sjj',
  gaj: 'gat',
  scjgj: 'scjgj',
  rsj: 'rst',
  mzj: 'mzt',
  wjw: 'wjw',
  zrzyj: 'zrzyt',
  zjj: 'zjt',
  jyj: 'jyt',
  jtj: 'jtt',
};

/** Jiangsu's 13 cities and their county-level divisions, for the names of a province-scale catalog. */
export const JIANGSU_DIVISIONS: readonly (readonly [string, string, string])[] = [
  ['nj', '南京市', '玄武区 秦淮区 建邺区 鼓楼区 浦口区 栖霞区 雨花台区 江宁区 六合区 溧水区 高淳区'],
  ['wx', '无锡市', '锡山区 惠山区 滨湖区 梁溪区 新吴区 江阴市 宜兴市'],
  ['xz', '徐州市', '鼓楼区 云龙区 贾汪区 泉山区 铜山区 丰县 沛县 睢宁县 新沂市 邳州市'],
  ['cz', '常州市', '天宁区 钟楼区 新北区 武进区 金坛区 溧阳市'],
  ['sz', '苏州市', '虎丘区 吴中区 相城区 姑苏区 吴江区 常熟市 张家港市 昆山市 太仓市'],
  ['nt', '南通市', '通州区 崇川区 海门区 如东县 启东市 如皋市 海安市'],
  ['lyg', '连云港市', '连云区 海州区 赣榆区 东海县 灌云县 灌南县'],
  ['ha', '淮安市', '淮安区 淮阴区 清江浦区 洪泽区 涟水县 盱眙县 金湖县'],
  ['yc', '盐城市', '亭湖区 盐都区 大丰区 响水县 滨海县 阜宁县 射阳县 建湖县 东台市'],
  ['yz', '扬州市', '广陵区 邗江区 江都区 宝应县 仪征市 高邮市'],
  ['zj', '镇江市', '京口区 润州区 丹徒区 丹阳市 扬中市 句容市'],
  ['tz', '泰州市', '海陵区 高港区 姜堰区 兴化市 靖江市 泰兴市'],
  ['sq', '宿迁市', '宿城区 宿豫区 沭阳县 泗阳县 泗洪县'],
];

/** 有条件共享 conditions. */
export const SHARING_CONDITIONS: readonly string[] = [
  '仅限用于政务服务事项办理中的身份核验与信息比对，申请时须说明使用事项及法定依据。',
  '按照“谁使用、谁管理、谁负责”原则，经提供部门审核同意后用于履行法定职责，不得向第三方提供。',
  '仅提供核验接口，返回比对结果，不提供明细数据。',
  '用于社会保障待遇资格认证及社会救助家庭经济状况核对，按需申请。',
  '限于市场监管、税务等部门开展联合监管和信用评价使用，数据须在政务外网内使用。',
  '经数据局统筹审核后共享，字段按最小必要原则授权，敏感字段脱敏后提供。',
];

/** 不予共享 legal bases. */
export const NOT_SHARED_BASES: readonly string[] = [
  '依据《中华人民共和国个人信息保护法》第二十八条，涉及敏感个人信息，不予共享；身份比对需求可通过核验接口满足。',
  '依据《中华人民共和国统计法》第三十九条，统计调查中获得的能够识别或者推断单个统计调查对象身份的资料不得对外提供。',
  '依据《中华人民共和国保守国家秘密法》及本部门定密范围，本资源涉及工作秘密，不予共享。',
  '依据《中华人民共和国税收征收管理法》第八条，纳税人的商业秘密和个人隐私依法保密，不予共享。',
  '依据《信访工作条例》第三十条，信访人的个人信息及信访事项依法保密，不予共享。',
];

/** 有条件开放 conditions. */
export const OPEN_CONDITIONS: readonly string[] = [
  '经开放平台申请并签署数据利用协议后，以脱敏数据形式开放，用于科研和公益用途。',
  '仅开放统计汇总数据，申请人须为依法登记的法人或其他组织。',
];

/** Database products the entries are kept in (格式 数据库 type). */
export const DATABASE_TYPES: readonly string[] = ['Oracle', '达梦DM8', 'KingbaseES', 'MySQL', 'GaussDB', 'PostgreSQL', 'SQL Server'];

/** Reviewers' comments when returning a submission. */
export const RETURN_COMMENTS: readonly string[] = [
  '摘要未说明数据范围和时间跨度，请补充后重新提交。',
  '信息项“公民身份号码”应标注为敏感，请修改。',
  '共享条件表述过于笼统，请写明使用事项与依据。',
  '更新周期与实际数据汇聚频率不一致，请核实。',
  '名称与已发布目录重复度高，请按“业务对象+信息”规范命名。',
];

/** Departments' reasons for retiring an entry. */
export const RETIRE_REASONS: readonly string[] = [
  '业务系统已整合，数据由新目录统一提供。',
  '该业务已划转其他部门办理，本部门不再产生此类数据。',
  '按照目录治理要求，合并至同类目录。',
];

/** Year qualifiers that tell apart the entries of a province-scale catalog with the same subject. */
export const YEAR_QUALIFIERS: readonly string[] = ['', ...Array.from({ length: 16 }, (_, i) => `（${2010 + i}年度）`)];
