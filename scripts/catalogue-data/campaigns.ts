import type { CampaignSpec } from './types';

/**
 * The demo shop's promotions, written as a shop would: an offer and the people it is for. They
 * run without end dates, so the demo never loses one as time passes; one (winter-riding) keeps
 * a validity window, years long, as the example of a dated campaign.
 */
export const CAMPAIGNS: readonly CampaignSpec[] = [
  {
    id: 'slow-coffee-week',
    title: 'Slow Coffee Week',
    text: 'Pour-over kettles, hand grinders and freshly roasted beans: 15 % off all week.',
    audience: 'Home baristas who grind their own beans and brew pour-over, filter or espresso.',
    subcategories: ['Coffee & Tea > Brewing Gear', 'Coffee & Tea > Coffee Beans'],
  },
  {
    id: 'under-the-stars',
    title: 'Sleep Under the Stars',
    text: 'Tents, sleeping bags and camp stoves for your next night outdoors.',
    audience: 'Campers and hikers who spend weekends in the wild.',
    subcategories: [
      'Outdoor & Camping > Tents',
      'Outdoor & Camping > Sleeping Gear',
      'Outdoor & Camping > Camp Kitchen',
    ],
  },
  {
    id: 'winter-riding',
    title: 'Ride Through Winter',
    text: 'Bright bike lights, warm cycling layers and helmets for dark mornings.',
    audience: 'Cyclists who commute or ride all year round, in the dark and the cold.',
    subcategories: ['Cycling > Bike Lights', 'Cycling > Cycling Apparel', 'Cycling > Helmets'],
    starts: '2026-10-01',
    ends: '2030-03-31',
  },
  {
    id: 'first-10k',
    title: 'Run Your First 10K',
    text: 'Cushioned running shoes, GPS watches and hydration vests to get you to the finish.',
    audience: 'Runners training for a race, from first 5K to marathon.',
    subcategories: [
      'Running > Running Shoes',
      'Running > GPS Watches',
      'Running > Hydration & Carry',
    ],
  },
  {
    id: 'home-gym',
    title: 'Your Home Gym',
    text: 'Dumbbells, kettlebells, yoga mats and resistance bands: train without a membership.',
    audience: 'People who work out at home: strength training, yoga and pilates.',
    subcategories: [
      'Fitness > Free Weights',
      'Fitness > Yoga & Pilates',
      'Fitness > Resistance & Recovery',
    ],
  },
  {
    id: 'desk-refresh',
    title: 'Desk Setup Refresh',
    text: 'Standing desks, ergonomic chairs and desk lamps for a better working day.',
    audience: 'People who work from home and spend long days at a desk.',
    subcategories: [
      'Home Office > Desks',
      'Home Office > Office Chairs',
      'Home Office > Desk Lamps',
    ],
  },
  {
    id: 'vinyl-nights',
    title: 'Vinyl Nights',
    text: 'Turntables, amplifiers and speakers that make records sound their best.',
    audience: 'Music lovers who collect records and care about hi-fi sound at home.',
    subcategories: ['Audio > Turntables', 'Audio > Hi-Fi Components', 'Audio > Speakers'],
  },
  {
    id: 'shoot-film',
    title: 'Shoot on Film',
    text: 'Film rolls, cameras and lenses: slow down and make every frame count.',
    audience: 'Photographers who love film, cameras and good glass.',
    subcategories: ['Photography > Film', 'Photography > Cameras', 'Photography > Lenses'],
  },
  {
    id: 'spring-planting',
    title: 'Get Ready for Spring Planting',
    text: 'Seeds, bulbs, compost and pots: plan your beds and balcony now.',
    audience: 'Gardeners who grow flowers and vegetables from seed.',
    subcategories: [
      'Gardening > Seeds & Bulbs',
      'Gardening > Soil & Feed',
      'Gardening > Planters & Pots',
    ],
  },
  {
    id: 'happy-dogs',
    title: 'Happy Dogs Club',
    text: 'Tough toys, leads and cosy beds, chosen for dogs that play hard and sleep well.',
    audience: 'Dog owners who walk, play with and spoil their dogs.',
    subcategories: ['Pets > Dog Toys', 'Pets > Dog Walking', 'Pets > Pet Beds'],
  },
  {
    id: 'game-night',
    title: 'Game Night In',
    text: 'Strategy, family and party games for long evenings around the table.',
    audience: 'Friends and families who play board games together.',
    subcategories: [
      'Board Games > Strategy Games',
      'Board Games > Family Games',
      'Board Games > Party Games',
    ],
  },
  {
    id: 'ready-for-baby',
    title: 'Ready for Baby',
    text: 'Nursery furniture, feeding gear and pushchairs for the first year.',
    audience: 'Parents expecting a baby or with a newborn at home.',
    subcategories: ['Baby > Nursery', 'Baby > Feeding', 'Baby > Pushchairs'],
  },
  {
    id: 'holiday-baking',
    title: 'Holiday Baking',
    text: 'Cake tins, baking trays and mixers for the season of cookies and cakes.',
    audience: 'Home bakers who bake bread, cakes and biscuits.',
    subcategories: ['Kitchen > Bakeware', 'Kitchen > Small Appliances'],
  },
];
