import type { CampaignSpecZh } from './types';

/**
 * The Chinese shop's promotions; each names the audience it is meant for in plain words. They
 * run without end dates, so the demo never loses one as time passes; one (zh-tea-gifts) keeps a
 * validity window, years long, as the example of a dated campaign.
 */
export const CAMPAIGNS_ZH: readonly CampaignSpecZh[] = [
  {
    id: 'zh-pour-over',
    title: '手冲咖啡季',
    text: '精选手冲器具与新鲜烘焙的咖啡豆，满199元减30元。',
    audience: '喜欢手冲咖啡、研究咖啡豆和咖啡器具的人',
    subcategories: ['咖啡与茶 > 手冲器具', '咖啡与茶 > 咖啡豆'],
  },
  {
    id: 'zh-tea-gifts',
    title: '好茶好器，围炉煮茶',
    text: '茶叶礼盒与茶具套装，冬日送礼正当时。',
    audience: '爱喝茶、常用茶具招待客人的人',
    subcategories: ['咖啡与茶 > 茶叶', '咖啡与茶 > 茶具'],
    starts: '2026-11-15',
    ends: '2030-01-31',
  },
  {
    id: 'zh-camping',
    title: '周末去露营',
    text: '帐篷、睡袋和露营炊具一站配齐，轻装出发。',
    audience: '喜欢露营、徒步和户外活动的人',
    subcategories: ['户外露营 > 帐篷', '户外露营 > 睡袋与睡垫', '户外露营 > 露营炊具'],
  },
  {
    id: 'zh-home-fitness',
    title: '在家也能练',
    text: '瑜伽垫、哑铃和弹力带，客厅就是健身房。',
    audience: '在家做瑜伽、力量训练和健身的人',
    subcategories: ['运动健身 > 瑜伽', '运动健身 > 力量训练'],
  },
  {
    id: 'zh-quiet-commute',
    title: '通勤降噪节',
    text: '降噪耳机与快充配件限时优惠，让通勤路上安静下来。',
    audience: '每天通勤、常出差、离不开耳机和充电配件的人',
    subcategories: ['数码影音 > 耳机', '数码影音 > 充电配件'],
  },
  {
    id: 'zh-new-parents',
    title: '新手爸妈必备清单',
    text: '从喂养到出行，给宝宝的第一年准备好。',
    audience: '家里有新生儿和小宝宝的新手爸妈',
    subcategories: ['母婴用品 > 喂养', '母婴用品 > 洗护', '母婴用品 > 出行'],
  },
  {
    id: 'zh-cat-lovers',
    title: '铲屎官福利周',
    text: '猫砂、猫爬架和逗猫玩具，第二件半价。',
    audience: '养猫的人，关心猫咪吃喝玩乐的铲屎官',
    subcategories: ['宠物用品 > 猫咪'],
  },
  {
    id: 'zh-balcony-garden',
    title: '阳台小菜园',
    text: '种子、营养土和园艺工具，播种季前先备好。',
    audience: '喜欢养花种菜、在阳台打理绿植的人',
    subcategories: ['园艺绿植 > 种子与肥料', '园艺绿植 > 园艺工具', '园艺绿植 > 绿植'],
  },
  {
    id: 'zh-game-night',
    title: '桌游之夜',
    text: '聚会桌游与益智拼图，周末约上朋友一起玩。',
    audience: '喜欢和朋友家人玩桌游、拼图和积木的人',
    subcategories: ['玩具桌游 > 桌游', '玩具桌游 > 拼图'],
  },
];
