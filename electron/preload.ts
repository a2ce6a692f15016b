console.info('preload')
