// Package outputs makes the files of a site that no template renders: the
// theme's assets, named after their content; a calendar (.ics) per meeting
// notice; a thumbnail and web-size copy per showcase photo; and the Atom
// feed of each section, sitemap.xml and robots.txt, which exist only when
// base_url says where the site lives (a feed with relative addresses is
// useless to its readers). Templates link assets, calendars and thumbnails,
// so those are made before render and read by it (Files, Assets); the
// feeds, made from the site graph alone, after it.
package outputs
