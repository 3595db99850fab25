/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A benchmark that builds a 2,000-device, 4,000-link lab and times opening it and redrawing it with the cairo renderer. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <gio/gio.h>
#include <glib/gstdio.h>

#include "catalog.h"
#include "cord-render.h"
#include "engine.h"
#include "lab.h"
#include "sim.h"
#include "topology.h"

/* The lab is 100 pods of 20 devices and 40 links each, laid out as in
 * bench-lab but packed ten by ten, so the whole lab fits a 1280×800
 * window at the canvas's smallest zoom. A pod is a router, two
 * distribution switches, one access switch and sixteen PCs; the pods are
 * joined in two rings through their distribution switches. */
#define N_PODS          100u
#define PODS_PER_ROW    10u
#define PCS_PER_POD     16u
#define DEVICES_PER_POD (4u + PCS_PER_POD)
#define LINKS_PER_POD   40u
#define N_DEVICES       (N_PODS * DEVICES_PER_POD)
#define N_LINKS         (N_PODS * LINKS_PER_POD)

/* The targets from the issue. */
#define MAX_OPEN_MS     1000.0
#define MAX_FRAME_MS    8.0

#define VIEW_WIDTH      1280
#define VIEW_HEIGHT     800
#define ZOOM_MIN        0.25    /* the canvas's CANVAS_ZOOM_MIN */
#define ZOOM_MAX        4.0

typedef struct {
  CordDevice *router;
  CordDevice *dist_a;
  CordDevice *dist_b;
  CordDevice *access;
  CordDevice *pcs[PCS_PER_POD];
} Pod;

/* Building the lab. */

static guint32
ipv4 (guint a,
      guint b,
      guint c,
      guint d)
{
  return (guint32) a << 24 | (guint32) b << 16 | (guint32) c << 8 | (guint32) d;
}

/* Pods are numbered from 1 in names and addresses: pod 7 owns 10.7.0.0/16. */
static char *
router_config (guint       pod,
               const char *model,
               gboolean    running)
{
  gboolean gigabit = strcmp (model, "1941") == 0;
  const char *type = gigabit ? "GigabitEthernet" : "FastEthernet";
  GString *s = g_string_new (NULL);

  g_string_append_printf (s,
    "!\n"
    "version %s\n"
    "no service timestamps log datetime msec\n"
    "no service password-encryption\n"
    "!\n"
    "hostname P%03u-R1\n"
    "!\n"
    "enable secret 5 $1$mERr$hx5rVt7rPNoS4wqbXKX7m0\n"
    "!\n"
    "interface %s0/0\n"
    " description users via P%03u-DSW-A\n"
    " ip address 10.%u.10.1 255.255.255.0\n"
    " duplex auto\n"
    " speed auto\n"
    "!\n"
    "interface %s0/1\n"
    " description uplink via P%03u-DSW-B\n"
    " ip address 10.%u.20.1 255.255.255.0\n"
    " duplex auto\n"
    " speed auto\n"
    "!\n"
    "router ospf 1\n"
    " network 10.%u.0.0 0.0.255.255 area 0\n"
    "!\n"
    "ip classless\n",
    gigabit ? "15.1" : "12.4", pod, type, pod, pod, type, pod, pod, pod);
  /* An unsaved change, as a lab in progress has. */
  if (running)
    g_string_append (s, "ntp server 10.0.0.123\n");
  g_string_append (s,
    "!\n"
    "line con 0\n"
    "line aux 0\n"
    "line vty 0 4\n"
    " login\n"
    "!\n"
    "end\n");
  return g_string_free (s, FALSE);
}

static char *
switch_config (guint       pod,
               const char *role,
               guint       host,
               gboolean    running)
{
  GString *s = g_string_new (NULL);

  g_string_append_printf (s,
    "!\n"
    "version 15.0\n"
    "no service timestamps log datetime msec\n"
    "!\n"
    "hostname P%03u-%s\n"
    "!\n"
    "spanning-tree mode pvst\n"
    "spanning-tree extend system-id\n"
    "!\n"
    "interface FastEthernet0/1\n"
    " switchport access vlan 10\n"
    " switchport mode access\n"
    " spanning-tree portfast\n"
    "!\n"
    "interface GigabitEthernet0/1\n"
    " switchport mode trunk\n"
    "!\n"
    "interface GigabitEthernet0/2\n"
    " switchport mode trunk\n"
    "!\n"
    "interface Vlan1\n"
    " ip address 10.%u.10.%u 255.255.255.0\n"
    "!\n"
    "ip default-gateway 10.%u.10.1\n",
    pod, role, pod, host, pod);
  if (running)
    g_string_append (s, "ntp server 10.0.0.123\n");
  g_string_append (s,
    "!\n"
    "line con 0\n"
    "!\n"
    "line vty 0 4\n"
    " login\n"
    "!\n"
    "end\n");
  return g_string_free (s, FALSE);
}

static gboolean
set_configs (CordTopology  *topology,
             CordDevice    *device,
             char          *startup,
             char          *running,
             GError       **error)
{
  g_autofree char *owned_startup = startup;
  g_autofree char *owned_running = running;

  return cord_topology_set_config (topology, device, CORD_CONFIG_STARTUP, owned_startup, error) &&
         cord_topology_set_config (topology, device, CORD_CONFIG_RUNNING, owned_running, error);
}

static CordDevice *
add_switch (CordTopology  *topology,
            guint          pod,
            const char    *role,
            guint          host,
            double         x,
            double         y,
            GError       **error)
{
  g_autofree char *name = g_strdup_printf ("P%03u-%s", pod, role);
  CordDevice *device = cord_topology_add_device (topology, "2960-24TT", name, x, y, error);

  if (device == NULL ||
      !set_configs (topology, device, switch_config (pod, role, host, FALSE),
                    switch_config (pod, role, host, TRUE), error))
    return NULL;
  return device;
}

static gboolean
add_pod_devices (CordTopology  *topology,
                 guint          index,
                 Pod           *pod,
                 GError       **error)
{
  guint n = index + 1;
  const char *router_model = index % 2 == 0 ? "2811" : "1941";
  double ox = (index % PODS_PER_ROW) * 500.0;
  double oy = (index / PODS_PER_ROW) * 310.0;
  g_autofree char *router_name = g_strdup_printf ("P%03u-R1", n);

  pod->router = cord_topology_add_device (topology, router_model, router_name,
                                          ox + 240.0, oy, error);
  if (pod->router == NULL ||
      !set_configs (topology, pod->router, router_config (n, router_model, FALSE),
                    router_config (n, router_model, TRUE), error))
    return FALSE;
  if ((pod->dist_a = add_switch (topology, n, "DSW-A", 2, ox + 140.0, oy + 75.0, error)) == NULL ||
      (pod->dist_b = add_switch (topology, n, "DSW-B", 3, ox + 340.0, oy + 75.0, error)) == NULL ||
      (pod->access = add_switch (topology, n, "ASW", 4, ox + 240.0, oy + 150.0, error)) == NULL)
    return FALSE;

  for (guint k = 0; k < PCS_PER_POD; k++)
    {
      g_autofree char *name = g_strdup_printf ("P%03u-PC%02u", n, k + 1);
      CordHostIp ip = { 0 };

      pod->pcs[k] = cord_topology_add_device (topology, "PC-PT", name,
                                              ox + 30.0 + (k % 8) * 60.0,
                                              oy + 215.0 + (k / 8) * 60.0, error);
      if (pod->pcs[k] == NULL)
        return FALSE;
      /* One PC per pod asks DHCP; the others are set by hand. */
      if (k == PCS_PER_POD - 1)
        ip.dhcp = TRUE;
      else
        {
          ip.address = ipv4 (10, n, 10, 11 + k);
          ip.mask = ipv4 (255, 255, 255, 0);
          ip.gateway = ipv4 (10, n, 10, 1);
          ip.dns = ipv4 (10, 0, 0, 53);
        }
      if (!cord_topology_set_host_ip (topology, pod->pcs[k], &ip, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
join (CordTopology  *topology,
      CordDevice    *a,
      const char    *port_a,
      CordDevice    *b,
      const char    *port_b,
      GError       **error)
{
  CordPort *pa = cord_device_find_port (a, port_a);
  CordPort *pb = cord_device_find_port (b, port_b);

  if (pa == NULL || pb == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "%s has no port %s",
                   pa == NULL ? a->name : b->name, pa == NULL ? port_a : port_b);
      return FALSE;
    }
  return cord_topology_connect (topology, pa, pb, CORD_CABLE_AUTO, error) != NULL;
}

static gboolean
join_fa (CordTopology  *topology,
         CordDevice    *a,
         guint          port_a,
         CordDevice    *b,
         guint          port_b,
         GError       **error)
{
  char name_a[32], name_b[32];

  g_snprintf (name_a, sizeof name_a, "FastEthernet0/%u", port_a);
  g_snprintf (name_b, sizeof name_b, "FastEthernet0/%u", port_b);
  return join (topology, a, name_a, b, name_b, error);
}

/* The 40 links of one pod: 38 inside it and 2 to the next pod. */
static gboolean
add_pod_links (CordTopology  *topology,
               const Pod     *pod,
               const Pod     *next,
               GError       **error)
{
  gboolean gigabit = strcmp (pod->router->model->name, "1941") == 0;
  const char *r0 = gigabit ? "GigabitEthernet0/0" : "FastEthernet0/0";
  const char *r1 = gigabit ? "GigabitEthernet0/1" : "FastEthernet0/1";

  /* Sixteen PCs on the access switch. */
  for (guint k = 0; k < PCS_PER_POD; k++)
    {
      char port[32];

      g_snprintf (port, sizeof port, "FastEthernet0/%u", k + 1);
      if (!join (topology, pod->pcs[k], "FastEthernet0", pod->access, port, error))
        return FALSE;
    }
  /* Console cables from the first five PCs. */
  if (!join (topology, pod->pcs[0], "RS 232", pod->access, "Console", error) ||
      !join (topology, pod->pcs[1], "RS 232", pod->dist_a, "Console", error) ||
      !join (topology, pod->pcs[2], "RS 232", pod->dist_b, "Console", error) ||
      !join (topology, pod->pcs[3], "RS 232", pod->router, "Console", error) ||
      !join (topology, pod->pcs[4], "RS 232", pod->router, "Auxiliary", error))
    return FALSE;
  /* Gigabit uplinks from the access switch, plus four FastEthernet
   * links to each distribution switch. */
  if (!join (topology, pod->access, "GigabitEthernet0/1", pod->dist_a, "GigabitEthernet0/1", error) ||
      !join (topology, pod->access, "GigabitEthernet0/2", pod->dist_b, "GigabitEthernet0/1", error))
    return FALSE;
  for (guint i = 0; i < 4; i++)
    if (!join_fa (topology, pod->access, 17 + i, pod->dist_a, 2 + i, error) ||
        !join_fa (topology, pod->access, 21 + i, pod->dist_b, 2 + i, error))
      return FALSE;
  /* The router hangs off both distribution switches. */
  if (!join (topology, pod->router, r0, pod->dist_a, "FastEthernet0/1", error) ||
      !join (topology, pod->router, r1, pod->dist_b, "FastEthernet0/1", error))
    return FALSE;
  /* A five-link bundle between the distribution pair. */
  for (guint i = 20; i <= 24; i++)
    if (!join_fa (topology, pod->dist_a, i, pod->dist_b, i, error))
      return FALSE;
  /* Two rings through all pods. */
  return join (topology, pod->dist_a, "GigabitEthernet0/2", next->dist_b, "GigabitEthernet0/2", error) &&
         join_fa (topology, pod->dist_a, 6, next->dist_a, 7, error);
}

static CordTopology *
build_lab (CordCatalog  *catalog,
           GError      **error)
{
  g_autoptr(CordTopology) topology = cord_topology_new (catalog);
  g_autofree Pod *pods = g_new0 (Pod, N_PODS);

  for (guint i = 0; i < N_PODS; i++)
    if (!add_pod_devices (topology, i, &pods[i], error))
      return NULL;
  for (guint i = 0; i < N_PODS; i++)
    if (!add_pod_links (topology, &pods[i], &pods[(i + 1) % N_PODS], error))
      return NULL;

  if (cord_topology_get_n_devices (topology) != N_DEVICES ||
      cord_topology_get_n_links (topology) != N_LINKS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "built %u devices and %u links, not %u and %u",
                   cord_topology_get_n_devices (topology),
                   cord_topology_get_n_links (topology), N_DEVICES, N_LINKS);
      return NULL;
    }
  /* The undo history of 12,000 edits is not part of the lab. */
  cord_topology_clear_history (topology);
  return g_steal_pointer (&topology);
}

/* Measuring. */

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static double
median_ms (gint64 *samples,
           guint   n)
{
  g_assert (n > 0);

  qsort (samples, n, sizeof *samples, compare_gint64);
  return n % 2 ? samples[n / 2] / 1000.0 : (samples[n / 2 - 1] + samples[n / 2]) / 2000.0;
}

/* One frame as the canvas draws it: the static layer (cached unless the
 * cache is off), then what is selected, hovered or dragged. */
static void
draw_frame (CordRender      *render,
            cairo_surface_t *surface,
            double           origin_x,
            double           origin_y,
            double           zoom)
{
  cairo_t *cr = cairo_create (surface);
  CordRenderView view = { VIEW_WIDTH, VIEW_HEIGHT, 1, zoom, origin_x, origin_y };

  g_assert (zoom > 0);

  cord_render_frame (render, cr, &view);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
}

typedef enum {
  FRAME_DIRECT,   /* no cache: every frame draws the whole lab */
  FRAME_COLD,     /* the cache is rebuilt */
  FRAME_WARM,     /* the cache is reused */
} FrameKind;

/* The median time of @n frames, after one that fills the caches. */
static double
time_frames (CordRender      *render,
             cairo_surface_t *surface,
             double           origin_x,
             double           origin_y,
             double           zoom,
             FrameKind        kind,
             guint            n)
{
  g_autofree gint64 *samples = g_new (gint64, n);

  g_assert (n > 0);

  cord_render_set_cache_enabled (render, kind != FRAME_DIRECT);
  draw_frame (render, surface, origin_x, origin_y, zoom);
  for (guint i = 0; i < n; i++)
    {
      gint64 t0 = g_get_monotonic_time ();

      if (kind == FRAME_COLD)
        cord_render_invalidate (render);
      draw_frame (render, surface, origin_x, origin_y, zoom);
      samples[i] = g_get_monotonic_time () - t0;
    }
  cord_render_set_cache_enabled (render, TRUE);
  return median_ms (samples, n);
}

/* A drag: one selected device follows the pointer a little each frame.
 * The first frame of the drag (which builds the static layer without the
 * device) is not counted unless the cache is off. */
static double
time_drag (CordRender      *render,
           cairo_surface_t *surface,
           CordDevice      *device,
           double           origin_x,
           double           origin_y,
           double           zoom,
           gboolean         cached,
           guint            n)
{
  g_autoptr(GHashTable) selected = g_hash_table_new (NULL, NULL);
  g_autofree gint64 *samples = g_new (gint64, n);
  CordRenderState state = { .sel_devices = selected, .moving = TRUE };

  g_assert (n > 0);

  cord_render_set_cache_enabled (render, cached);
  g_hash_table_add (selected, device);
  state.hover = (CordRenderHit) { CORD_RENDER_HIT_DEVICE, device };
  cord_render_set_state (render, &state);
  draw_frame (render, surface, origin_x, origin_y, zoom);
  for (guint i = 0; i < n; i++)
    {
      gint64 t0;

      state.move_dx = 3.0 * (i + 1);
      state.move_dy = 2.0 * (i + 1);
      t0 = g_get_monotonic_time ();
      cord_render_set_state (render, &state);
      draw_frame (render, surface, origin_x, origin_y, zoom);
      samples[i] = g_get_monotonic_time () - t0;
    }
  cord_render_set_state (render, NULL);
  cord_render_set_cache_enabled (render, TRUE);
  return median_ms (samples, n);
}

/* How many pixels a cached frame differs in from a direct one. */
static guint
count_differences (CordRender *render,
                   double      origin_x,
                   double      origin_y,
                   double      zoom)
{
  cairo_surface_t *a = cairo_image_surface_create (CAIRO_FORMAT_RGB24, VIEW_WIDTH, VIEW_HEIGHT);
  cairo_surface_t *b = cairo_image_surface_create (CAIRO_FORMAT_RGB24, VIEW_WIDTH, VIEW_HEIGHT);
  guint differ = 0;

  cord_render_set_cache_enabled (render, FALSE);
  draw_frame (render, a, origin_x, origin_y, zoom);
  cord_render_set_cache_enabled (render, TRUE);
  draw_frame (render, b, origin_x, origin_y, zoom);
  for (int y = 0; y < VIEW_HEIGHT; y++)
    {
      const guint32 *ra = (const guint32 *) (cairo_image_surface_get_data (a) + y * cairo_image_surface_get_stride (a));
      const guint32 *rb = (const guint32 *) (cairo_image_surface_get_data (b) + y * cairo_image_surface_get_stride (b));

      for (int x = 0; x < VIEW_WIDTH; x++)
        differ += (ra[x] & 0xffffff) != (rb[x] & 0xffffff);
    }
  cairo_surface_destroy (a);
  cairo_surface_destroy (b);
  return differ;
}

static const char *
verdict (double value,
         double limit)
{
  return value < limit ? "ok" : "OVER";
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CordTopology) built = NULL;
  g_autoptr(CordTopology) topology = NULL;
  g_autoptr(CordEngine) engine = NULL;
  g_autoptr(CordSim) sim = NULL;
  g_autoptr(CordRender) render = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree gint64 *open_samples = NULL;
  cairo_surface_t *surface;
  CordCatalog *catalog = cord_catalog_get_default ();
  graphene_rect_t extents;
  double open_ms, fit_zoom;
  guint frames = 30, opens = 3;
  gboolean ok;

  for (int i = 1; i + 1 < argc; i++)
    if (strcmp (argv[i], "--frames") == 0)
      {
        int n = atoi (argv[++i]);

        frames = MAX (1, n);
      }

  built = build_lab (catalog, &error);
  if (built == NULL)
    {
      g_printerr ("bench-render: %s\n", error->message);
      return 1;
    }
  dir = g_dir_make_tmp ("bench-render-XXXXXX", &error);
  path = g_build_filename (dir, "lab.pclab", NULL);
  if (dir == NULL || !cord_lab_save_file (built, path, &error))
    {
      g_printerr ("bench-render: %s\n", error->message);
      return 1;
    }
  g_clear_object (&built);

  /* Opening: the lab file read and the simulation built, as the window does. */
  open_samples = g_new (gint64, opens);
  for (guint i = 0; i < opens; i++)
    {
      gint64 t0 = g_get_monotonic_time ();

      g_clear_pointer (&sim, cord_sim_free);
      g_clear_pointer (&engine, cord_engine_free);
      g_clear_object (&topology);
      topology = cord_lab_load_file (catalog, path, &error);
      if (topology == NULL)
        {
          g_printerr ("bench-render: %s\n", error->message);
          return 1;
        }
      engine = cord_engine_new ();
      sim = cord_sim_new (topology, engine);
      open_samples[i] = g_get_monotonic_time () - t0;
    }
  open_ms = median_ms (open_samples, opens);
  g_unlink (path);
  g_rmdir (dir);
  /* Let the lines come up, so lights are drawn as on a running lab. */
  cord_engine_run_for (engine, G_TIME_SPAN_SECOND * 1000 * 5);

  render = cord_render_new ();
  cord_render_set_lab (render, topology, sim);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, VIEW_WIDTH, VIEW_HEIGHT);
  cord_render_get_lab_extents (render, &extents);
  fit_zoom = CLAMP (MIN (VIEW_WIDTH / extents.size.width, VIEW_HEIGHT / extents.size.height),
                    ZOOM_MIN, ZOOM_MAX);

  {
    const double zooms[] = { 1.0, fit_zoom };
    const char *names[] = { "zoom 1", "fit zoom" };
    double direct[2], cold[2], warm[2], drag_direct[2], drag[2];
    guint differ[2];

    /* Side by side, in one run: the machine's load hits both alike. */
    for (guint z = 0; z < 2; z++)
      {
        direct[z] = time_frames (render, surface, extents.origin.x, extents.origin.y, zooms[z], FRAME_DIRECT, frames);
        cold[z] = time_frames (render, surface, extents.origin.x, extents.origin.y, zooms[z], FRAME_COLD, frames);
        warm[z] = time_frames (render, surface, extents.origin.x, extents.origin.y, zooms[z], FRAME_WARM, frames);
        drag_direct[z] = time_drag (render, surface, cord_topology_get_device (topology, 0),
                                    extents.origin.x, extents.origin.y, zooms[z], FALSE, frames);
        drag[z] = time_drag (render, surface, cord_topology_get_device (topology, 0),
                             extents.origin.x, extents.origin.y, zooms[z], TRUE, frames);
        differ[z] = count_differences (render, extents.origin.x, extents.origin.y, zooms[z]);
      }
    cairo_surface_destroy (surface);
    cord_render_set_lab (render, NULL, NULL);

    printf ("lab: %u devices, %u links, %.0f × %.0f units; fit zoom %.3f\n",
            cord_topology_get_n_devices (topology), cord_topology_get_n_links (topology),
            extents.size.width, extents.size.height, fit_zoom);
    printf ("%-34s %8.1f ms   (target < %.0f ms)  %s\n", "open (load + sim, median of 3)",
            open_ms, MAX_OPEN_MS, verdict (open_ms, MAX_OPEN_MS));
    ok = open_ms < MAX_OPEN_MS;
    for (guint z = 0; z < 2; z++)
      {
        g_autofree char *label = NULL;

        printf ("at %s (1280×800):\n", names[z]);
        printf ("  %-32s %8.2f ms\n", "uncached frame (before)", direct[z]);
        printf ("  %-32s %8.2f ms   (%.1f× uncached)\n", "cold frame (cache rebuilt)",
                cold[z], cold[z] / direct[z]);
        printf ("  %-32s %8.2f ms   (target < %.0f ms)  %s   (%.3f× uncached)\n",
                "warm frame (cache hit)", warm[z], MAX_FRAME_MS, verdict (warm[z], MAX_FRAME_MS),
                warm[z] / direct[z]);
        printf ("  %-32s %8.2f ms\n", "uncached drag frame (before)", drag_direct[z]);
        printf ("  %-32s %8.2f ms   (target < %.0f ms)  %s   (%.3f× uncached)\n",
                "drag frame (cache hit)", drag[z], MAX_FRAME_MS, verdict (drag[z], MAX_FRAME_MS),
                drag[z] / drag_direct[z]);
        printf ("  %-32s %8u\n", "pixels cached ≠ uncached", differ[z]);
        ok = ok && warm[z] < MAX_FRAME_MS && drag[z] < MAX_FRAME_MS;
      }
    printf ("(medians of %u frames)\n", frames);
  }
  return ok ? 0 : 1;
}
