// Entries whose URLs, alternates, images and video fields hold `&`, `<`, `>`, quotes and
// characters outside ASCII.
export default function sitemap() {
  return [
    {
      url: 'https://acme.com/search?q=a&b=<c>',
      lastModified: '2024-01-02',
    },
    {
      url: "https://acme.com/caf\u00e9/'quoted'/\"double\"",
      alternates: {
        languages: {
          fr: 'https://acme.com/fr?x=1&y=2',
        },
      },
    },
    {
      url: 'https://acme.com/gallery',
      images: ['https://acme.com/image.jpg?w=1&h=2'],
      videos: [
        {
          title: 'Tom & Jerry <live>',
          thumbnail_loc: 'https://acme.com/thumb.jpg?a=1&b=2',
          description: 'caf\u00e9 "quoted" \u20ac',
        },
      ],
    },
  ]
}
