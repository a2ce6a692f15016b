console.info('main')
